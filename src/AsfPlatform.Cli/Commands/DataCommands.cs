using System.CommandLine;
using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using Spectre.Console;

namespace AsfPlatform.Cli.Commands;

/// <summary><c>asf data load</c> and <c>asf data quality</c>.</summary>
internal static class DataCommands
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var data = new Command("data", "Import av data och kontroll av datakvalitet.");
        data.Subcommands.Add(CreateLoad(environment, global));
        data.Subcommands.Add(CreateQuality(environment, global));
        data.SetAction(_ => MissingSubcommand(environment, data));
        return data;
    }

    internal static Option<string?> FromOption() => new("--from")
    {
        Description = "Läs datamängden från en data/-katalog i stället för den inbyggda kopian.",
        HelpName = "KATALOG",
    };

    internal static DatasetSource Source(string? from, CliEnvironment environment)
    {
        if (from is null)
            return DatasetSource.Embedded;
        var path = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, from));
        if (!Directory.Exists(path))
            throw CliException.Option("--from", $"katalogen \"{path}\" finns inte.");
        return DatasetSource.FromDirectory(path);
    }

    internal static int MissingSubcommand(CliEnvironment environment, Command command)
    {
        AsfCli.WriteError(environment, $"\"asf {command.Name}\" behöver ett underkommando: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.");
        SwedishHelpAction.Write(environment.Out, command);
        return ExitCodes.InvalidInput;
    }

    /// <summary>Loads the dataset and says what changed.</summary>
    internal static async Task LoadAsync(CliEnvironment environment, CliRuntime runtime, DatasetSource source, CancellationToken cancellationToken)
    {
        DatasetLoadResult result;
        try
        {
            result = await runtime.LoadDatasetAsync(source, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw CliException.Failure($"Datamängden kunde inte läsas: {ex.Message}", ex);
        }
        environment.Out.WriteLine(result.Changes == 0
            ? $"Datamängden var redan inläst: {result.Commands} poster kontrollerade, inga ändringar ({string.Join(", ", result.Owners)})."
            : $"Datamängden är inläst: {result.Changes} av {result.Commands} poster ändrades ({string.Join(", ", result.Owners)}).");
    }

    private static Command CreateLoad(CliEnvironment environment, GlobalOptions global)
    {
        var from = FromOption();
        var command = new Command("load", "Läser in datamängden (exempeldata för Gävleborg 2016–2020). Idempotent: en andra körning ändrar inget.")
        {
            from,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = global.Storage(parse, environment);
            var source = Source(parse.GetValue(from), environment);
            environment.Out.WriteLine($"Databas: {storage.Describe()}");
            await using var runtime = await CliRuntime.StartAsync(storage, environment, null, null, cancellationToken);
            await LoadAsync(environment, runtime, source, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateQuality(CliEnvironment environment, GlobalOptions global)
    {
        var owner = new Option<string?>("--owner") { Description = "Insatsägaren, t.ex. finsam-gavleborg (krävs).", HelpName = "ÄGARE" };
        var insats = new Option<string?>("--insats") { Description = "Visa bara denna insats avvikelser (och länsuppföljningarnas), t.ex. asf-2016-2020.", HelpName = "INSATS" };
        var command = new Command("quality", "Listar datakvalitetsavvikelser: angivna summor som skiljer sig från summan av delarna eller från registrerade uppgifter, utfall per kön som inte går ihop med deltagarna per kön, och summor i insatsens egna texter.")
        {
            owner, insats,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ownerId = CliValues.Required(parse.GetValue(owner), "--owner", "ange insatsägaren, t.ex. --owner finsam-gavleborg.");
            var insatsId = CliValues.Optional(parse.GetValue(insats));
            var storage = global.Storage(parse, environment);
            await using var runtime = await CliRuntime.StartAsync(storage, environment, null, null, cancellationToken);
            await runtime.EnsureDatasetAsync(environment, cancellationToken);
            await runtime.RequireAsync(ownerId, insatsId, null);

            var directory = runtime.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId));
            var findings = await directory.GetDataQualityFindings(insatsId);
            // A finding about a municipality names it as the reports do ("Placeringar 2018, Nordanstig").
            var names = (await directory.GetMunicipalities()).Where(m => m.Name is not null).ToDictionary(m => m.Kommunkod, m => m.Name!);
            string Named(string text, string? code) =>
                code is not null && names.TryGetValue(code, out var name) ? text.Replace($"kommun {code}", name, StringComparison.Ordinal) : text;
            if (findings.Count == 0)
            {
                environment.Out.WriteLine("Inga datakvalitetsavvikelser hittades.");
                return ExitCodes.Ok;
            }
            var table = new Table().Title($"Datakvalitet – {ownerId}{(insatsId is null ? "" : " / " + insatsId)}")
                .AddColumn("Gäller").AddColumn(new TableColumn("Angivet").RightAligned())
                .AddColumn(new TableColumn("Beräknat").RightAligned()).AddColumn(new TableColumn("Differens").RightAligned())
                .AddColumn("Beskrivning");
            foreach (var f in findings)
                table.AddRow(new Text(Named(f.Subject, f.Kommunkod)), new Text(Number(f.Stated)), new Text(Number(f.Computed)),
                    new Text(Number(f.Stated - f.Computed)), new Text(Named(f.Message, f.Kommunkod)));
            environment.Out.Write(table);
            environment.Out.WriteLine($"{findings.Count} avvikelse{(findings.Count == 1 ? "" : "r")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(decimal value) => value.ToString("#,0.##", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
}
