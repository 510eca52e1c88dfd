using System.CommandLine;
using AsfPlatform.Contracts;
using AsfPlatform.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace AsfPlatform.Cli.Commands;

/// <summary><c>asf reports list</c> and <c>asf report &lt;id&gt;</c> (one report, or one per municipality).</summary>
internal static class ReportCommands
{
    public static Command CreateList(CliEnvironment environment, GlobalOptions global)
    {
        var reports = new Command("reports", "Rapporterna som kan tas fram.");
        var list = new Command("list", "Listar rapporterna (id, titel, beskrivning, parametrar) och tilläggsrapporter som inte kunde laddas, med orsak.");
        list.SetAction(parse =>
        {
            var catalog = ReportCatalog.Create(global.Reporting(parse, environment));
            WriteCatalog(environment, catalog);
            return ExitCodes.Ok;
        });
        reports.Subcommands.Add(list);
        reports.SetAction(_ => DataCommands.MissingSubcommand(environment, reports));
        return reports;
    }

    private static void WriteCatalog(CliEnvironment environment, ReportCatalog catalog)
    {
        if (catalog.Reports.Count == 0)
        {
            environment.Out.WriteLine("Inga rapporter hittades.");
        }
        else
        {
            var table = new Table().AddColumn("Id").AddColumn("Titel").AddColumn("Beskrivning").AddColumn("Parametrar");
            foreach (var report in catalog.Reports)
                table.AddRow(new Text(report.Id), new Text(report.Title), new Text(report.Description),
                    new Text(string.Join("\n", report.Parameters.Select(Describe))));
            environment.Out.Write(table);
        }
        if (catalog.Problems.Count > 0)
        {
            environment.Out.WriteLine();
            environment.Out.MarkupLine("[yellow]Rapporter som inte kunde laddas:[/]");
            var problems = new Table().AddColumn("Källa").AddColumn("Orsak");
            foreach (var problem in catalog.Problems)
                problems.AddRow(new Text(Path.GetFileName(problem.Source.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : problem.Source), new Text(problem.Message));
            environment.Out.Write(problems);
        }
    }

    private static string Describe(ReportParameter parameter) =>
        $"{ReportOptionNames.Of(parameter.Kind)} ({parameter.Label}{(parameter.Required ? ", krävs" : "")})" +
        (parameter.Hint is { Length: > 0 } hint ? $": {hint}" : "");

    public static Command CreateReport(CliEnvironment environment, GlobalOptions global)
    {
        var id = new Argument<string?>("id") { Description = "Rapportens id, t.ex. kommunrapport (se asf reports list).", Arity = ArgumentArity.ZeroOrOne };
        var owner = new Option<string?>("--owner") { Description = "Insatsägaren, t.ex. finsam-gavleborg.", HelpName = "ÄGARE" };
        var insats = new Option<string?>("--insats") { Description = "Insatsen, t.ex. asf-2016-2020.", HelpName = "INSATS" };
        var year = new Option<string?>("--year") { Description = "Året rapporten gäller, t.ex. 2018.", HelpName = "ÅR" };
        var municipality = new Option<string?>("--municipality", "--kommun") { Description = "Kommunkod med fyra siffror, t.ex. 2183 (Bollnäs).", HelpName = "KOMMUNKOD" };
        var asOf = new Option<string?>("--as-of") { Description = "Datum som värdena beräknas per (ÅÅÅÅ-MM-DD). Standard: årets sista dag, annars i dag.", HelpName = "DATUM" };
        var output = new Option<string?>("--out") { Description = "Filen som skrivs: .docx (Word) eller .pdf (via LibreOffice).", HelpName = "FIL" };
        var pdf = new Option<bool>("--pdf") { Description = "Skriv även en PDF bredvid Word-filen (kräver LibreOffice)." };
        var all = new Option<bool>("--all-municipalities", "--alla-kommuner") { Description = "Ta fram rapporten för varje kommun hos ägaren (kräver --out-dir)." };
        var outDir = new Option<string?>("--out-dir") { Description = "Katalogen som rapporterna skrivs till vid --all-municipalities.", HelpName = "KATALOG" };
        var command = new Command("report", "Tar fram en rapport som Word-dokument (och PDF). Databasen laddas med exempeldata första gången om den är tom.")
        {
            id, owner, insats, year, municipality, asOf, output, pdf, all, outDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new ReportRequest(
                CliValues.Required(parse.GetValue(id), "<id>", "ange rapportens id, t.ex. asf report kommunrapport (se asf reports list)."),
                new ReportArguments(
                    CliValues.Optional(parse.GetValue(owner)),
                    CliValues.Optional(parse.GetValue(insats)),
                    CliValues.Year(parse.GetValue(year)),
                    CliValues.Kommunkod(parse.GetValue(municipality)),
                    CliValues.Date(parse.GetValue(asOf))),
                CliValues.Optional(parse.GetValue(output)),
                parse.GetValue(pdf),
                parse.GetValue(all),
                CliValues.Optional(parse.GetValue(outDir)));
            return await RunAsync(environment, global, parse, request, cancellationToken);
        });
        return command;
    }

    private sealed record ReportRequest(string Id, ReportArguments Arguments, string? Out, bool Pdf, bool AllMunicipalities, string? OutDir);

    private static async Task<int> RunAsync(CliEnvironment environment, GlobalOptions global, ParseResult parse, ReportRequest request, CancellationToken cancellationToken)
    {
        CheckOutputOptions(request);
        var reporting = global.Reporting(parse, environment);
        var catalog = ReportCatalog.Create(reporting);
        if (!catalog.TryGet(request.Id, out var report))
        {
            var problems = catalog.Problems.Count > 0 ? $" {catalog.Problems.Count} tilläggsrapport(er) kunde inte laddas; se asf reports list." : "";
            throw new CliException(new ReportNotFoundException(request.Id, catalog.Reports.Select(r => r.Id)).Message + problems);
        }
        if (request.AllMunicipalities && !report.Parameters.Any(p => p.Kind == ReportParameterKind.Municipality))
            throw CliException.Option("--all-municipalities", $"rapporten \"{report.Id}\" gäller inte en enskild kommun.");

        // Missing parameters are reported before the database is opened or loaded (no waiting for a typo).
        var validator = new ReportRunner(catalog, new ArgumentsOnlyReportContextFactory(), Options.Create(reporting));
        validator.Validate(report.Id, request.AllMunicipalities ? request.Arguments with { Municipality = "0000" } : request.Arguments);

        var storage = global.Storage(parse, environment);
        await using var runtime = await CliRuntime.StartAsync(storage, environment, catalog, reporting, cancellationToken);
        await runtime.EnsureDatasetAsync(environment, cancellationToken);
        var args = request.Arguments;
        OwnerSnapshot? owner = args.Owner is null ? null : await runtime.RequireAsync(args.Owner, args.Insats, args.Municipality);
        var runner = runtime.Services.GetRequiredService<ReportRunner>();
        var pdf = runtime.Services.GetRequiredService<PdfConverter>();
        var wantsPdf = request.Pdf || IsPdf(request.Out);
        if (wantsPdf && !pdf.IsAvailable && IsPdf(request.Out))
            throw CliException.Failure(PdfConverter.NotInstalledMessage);

        if (!request.AllMunicipalities)
        {
            var outPath = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, request.Out!));
            var written = await WriteOneAsync(runner, pdf, report.Id, args, outPath, request.Pdf, cancellationToken);
            foreach (var file in written.Files)
                environment.Out.WriteLine($"Skrev {file}");
            if (written.PdfSkipped is { } reason)
            {
                AsfCli.WriteError(environment, reason);
                return ExitCodes.Failed;
            }
            return ExitCodes.Ok;
        }

        if (owner is null)
            throw CliException.Option("--owner", "krävs med --all-municipalities (vems kommuner?).");
        return await RunBatchAsync(environment, runtime, runner, pdf, report, request, owner, cancellationToken);
    }

    private static void CheckOutputOptions(ReportRequest request)
    {
        if (request.AllMunicipalities)
        {
            if (request.OutDir is null)
                throw CliException.Option("--out-dir", "ange katalogen som rapporterna ska skrivas till, t.ex. --out-dir rapporter.");
            if (request.Out is not null)
                throw CliException.Option("--out", "används inte med --all-municipalities; filerna namnges efter kommunen i --out-dir.");
            if (request.Arguments.Municipality is not null)
                throw CliException.Option("--municipality", "kan inte kombineras med --all-municipalities.");
            return;
        }
        if (request.OutDir is not null)
            throw CliException.Option("--out-dir", "används bara med --all-municipalities; ange en fil med --out.");
        if (request.Out is null)
            throw CliException.Option("--out", "ange filen som rapporten ska skrivas till, t.ex. --out rapport.docx.");
        var extension = Path.GetExtension(request.Out);
        if (!extension.Equals(".docx", StringComparison.OrdinalIgnoreCase) && !IsPdf(request.Out))
            throw CliException.Option("--out", $"\"{request.Out}\" ska sluta på .docx (Word) eller .pdf.");
    }

    private static bool IsPdf(string? path) => path is not null && Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase);

    private sealed record Written(IReadOnlyList<string> Files, string? PdfSkipped);

    /// <summary>Runs one report and writes the .docx, plus the PDF when asked (or when the path is a .pdf).</summary>
    private static async Task<Written> WriteOneAsync(ReportRunner runner, PdfConverter pdf, string reportId, ReportArguments arguments,
        string outPath, bool alsoPdf, CancellationToken cancellationToken)
    {
        var docx = await runner.RunAsync(reportId, arguments, cancellationToken: cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        if (IsPdf(outPath))
        {
            await File.WriteAllBytesAsync(outPath, await pdf.ConvertAsync(docx, cancellationToken), cancellationToken);
            return new([outPath], null);
        }
        await File.WriteAllBytesAsync(outPath, docx, cancellationToken);
        if (!alsoPdf)
            return new([outPath], null);
        if (!pdf.IsAvailable)
            return new([outPath], PdfConverter.NotInstalledMessage);
        var pdfPath = Path.ChangeExtension(outPath, ".pdf");
        await File.WriteAllBytesAsync(pdfPath, await pdf.ConvertAsync(docx, cancellationToken), cancellationToken);
        return new([outPath, pdfPath], null);
    }

    private static async Task<int> RunBatchAsync(CliEnvironment environment, CliRuntime runtime, ReportRunner runner, PdfConverter pdf,
        ReportDescriptor report, ReportRequest request, OwnerSnapshot owner, CancellationToken cancellationToken)
    {
        var names = (await runtime.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner.Id)).GetMunicipalities())
            .ToDictionary(m => m.Kommunkod, m => m.Name ?? m.Kommunkod);
        var codes = owner.Municipalities.Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
            throw CliException.Option("--owner", $"\"{owner.Id}\" har inga kommuner.");
        var outDir = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, request.OutDir!));
        var year = request.Arguments.Year is { } y ? $"-{y}" : "";
        var failures = new List<string>();
        var written = 0;
        string? pdfSkipped = null;

        async Task RunOne(string code, Action<string> done)
        {
            var path = Path.Combine(outDir, $"{report.Id}-{code}{year}.docx");
            try
            {
                var result = await WriteOneAsync(runner, pdf, report.Id, request.Arguments with { Municipality = code }, path, request.Pdf, cancellationToken);
                written += result.Files.Count;
                pdfSkipped ??= result.PdfSkipped;
                done($"{code} {names.GetValueOrDefault(code, code)}: {string.Join(", ", result.Files.Select(Path.GetFileName))}");
            }
            catch (Exception ex) when (ex is ReportFailedException or PdfConversionException)
            {
                failures.Add($"{code} {names.GetValueOrDefault(code, code)}: {ex.Message}");
                done($"{code} {names.GetValueOrDefault(code, code)}: MISSLYCKADES");
            }
        }

        if (environment.CanDrawLive)
        {
            await environment.Out.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"{report.Title} ({codes.Count} kommuner)", maxValue: codes.Count);
                    foreach (var code in codes)
                    {
                        task.Description = $"{report.Title}: {Markup.Escape(names.GetValueOrDefault(code, code))}";
                        await RunOne(code, _ => task.Increment(1));
                    }
                    task.Description = $"{report.Title}: klart";
                });
        }
        else
        {
            var index = 0;
            foreach (var code in codes)
                await RunOne(code, line => environment.Out.WriteLine($"[{++index}/{codes.Count}] {line}"));
        }

        environment.Out.WriteLine($"{written} fil(er) skrivna i {outDir}.");
        if (pdfSkipped is not null)
            AsfCli.WriteError(environment, pdfSkipped);
        foreach (var failure in failures)
            AsfCli.WriteError(environment, failure);
        return failures.Count > 0 || pdfSkipped is not null ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
