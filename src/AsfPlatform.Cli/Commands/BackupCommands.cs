using System.CommandLine;
using System.Diagnostics;
using AsfPlatform.Access;
using AsfPlatform.Backup;
using AsfPlatform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Cli.Commands;

/// <summary>
/// <c>asf backup</c> and <c>asf restore</c>: one owner's data as one versioned zip of JSON files (docs/BACKUP.md), so
/// an owner can move between installations, SQLite or PostgreSQL. A restore writes over data already there only when
/// --replace asks for it, and then all or nothing.
/// </summary>
internal static class BackupCommands
{
    public static Command CreateBackup(CliEnvironment environment, GlobalOptions global)
    {
        var owner = new Option<string?>("--owner") { Description = "Organisationen som säkerhetskopieras, t.ex. finsam-gavleborg (krävs).", HelpName = "ÄGARE" };
        var output = new Option<string?>("--out") { Description = "Filen som skrivs, t.ex. finsam.zip (krävs; skrivs över om den finns).", HelpName = "FIL" };
        var command = new Command("backup",
            "Skriver en säkerhetskopia av en organisation: profil, kommuner, länsuppföljningar, företag med siffror, insatser, " +
            "handlingsplaner, aktiviteter, placeringar, milstolpar och ändringshistorik, i en versionerad zip-fil med JSON (docs/BACKUP.md).")
        {
            owner, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ownerId = CliValues.Required(parse.GetValue(owner), "--owner", "ange organisationen, t.ex. --owner finsam-gavleborg.");
            var outText = CliValues.Required(parse.GetValue(output), "--out", "ange filen som ska skrivas, t.ex. --out finsam.zip.");
            if (!outText.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                throw CliException.Option("--out", $"\"{outText}\" ska sluta på .zip.");
            var path = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, outText));
            var storage = global.Storage(parse, environment);
            environment.Out.WriteLine($"Databas: {storage.Describe()}");
            await using var runtime = await CliRuntime.StartAsync(storage, environment, null, null, cancellationToken);
            await runtime.RequireAsync(ownerId, null, null);

            var clock = Stopwatch.StartNew();
            var writer = new BackupWriter(runtime.Grains, runtime.Services.GetRequiredService<IAuditArchive>());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written beside the target and moved into place, so a failed run never leaves half a backup under its name.
            var partial = path + ".tmp";
            BackupDocument document;
            await using (var file = File.Create(partial))
                document = await writer.WriteAsync(ownerId, file, cancellationToken);
            File.Move(partial, path, overwrite: true);
            environment.Out.WriteLine($"Säkerhetskopian av {ownerId} är skriven på {Seconds(clock)}: {path}");
            environment.Out.WriteLine(Summary(document.Manifest.Counts));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateRestore(CliEnvironment environment, GlobalOptions global)
    {
        var file = new Argument<string?>("fil") { Description = "Säkerhetskopian (.zip) som asf backup eller webbplatsen skrev.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("restore",
            "Återställer en organisation från en säkerhetskopia. Hela filen kontrolleras först (version, kontrollsummor, antal, " +
            "varje post); organisationen får inte redan finnas i databasen, om inte --replace anges, och inget skrivs om något är fel. " +
            "Webbplatsen läser in exempeldata vid start: återställ exempelorganisationerna till en databas som startats med Dataset__LoadOnStart=false.")
        {
            file,
        };
        var replace = new Option<bool>("--replace")
        {
            Description = "Ersätt det databasen har för organisationen med säkerhetskopians innehåll: allt eller inget. Vägras innan " +
                "något skrivs om databasen har något domänen inte kan ta bort (t.ex. ett företag som säkerhetskopian saknar).",
        };
        command.Options.Add(replace);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fileText = CliValues.Required(parse.GetValue(file), "fil", "ange säkerhetskopian, t.ex. asf restore finsam.zip.");
            var path = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, fileText));
            if (!File.Exists(path))
                throw CliException.Option("fil", $"\"{path}\" finns inte.");
            BackupDocument document;
            try
            {
                await using var stream = File.OpenRead(path);
                document = await BackupReader.ReadAsync(stream, cancellationToken);
            }
            catch (BackupInvalidException ex)
            {
                throw CliException.Option("fil", $"säkerhetskopian kan inte återställas: {ex.Message} Inget har ändrats.");
            }
            var storage = global.Storage(parse, environment);
            environment.Out.WriteLine($"Databas: {storage.Describe()}");
            await using var runtime = await CliRuntime.StartAsync(storage, environment, null, null, cancellationToken);
            var clock = Stopwatch.StartNew();
            var restorer = new BackupRestorer(runtime.Grains, runtime.Services.GetRequiredService<IAuditArchive>());
            BackupRestoreResult result;
            try
            {
                result = await restorer.RestoreAsync(document, UserCommands.Actor, Path.GetFileName(path), cancellationToken,
                    parse.GetValue(replace));
            }
            catch (BackupConflictException ex)
            {
                throw new CliException(ex.Message, ExitCodes.InvalidInput, ex);
            }
            catch (BackupReplaceFailedException ex) when (!ex.Undone)
            {
                // What was here before is the one thing that must not be lost: it goes to a file beside the backup.
                var saved = Path.ChangeExtension(path, $".fore-ersattning-{ex.Before.Manifest.Id[..8]}.zip");
                await using (var output = File.Create(saved))
                    await BackupWriter.WriteAsync(ex.Before, output, CancellationToken.None);
                throw CliException.Failure($"{ex.Message} Säkerhetskopian från före försöket är sparad i {saved}.");
            }
            catch (BackupReplaceFailedException ex)
            {
                throw CliException.Failure(ex.Message);
            }
            environment.Out.WriteLine(result switch
            {
                { Resumed: true } => $"En tidigare avbruten återställning av {result.OwnerId} från samma säkerhetskopia är nu slutförd.",
                { Replaced: true } => $"{result.OwnerId} har ersatts med innehållet i {path} ({result.Changes} {(result.Changes == 1 ? "ändring" : "ändringar")}) på {Seconds(clock)}.",
                _ => $"{result.OwnerId} är återställd från {path} på {Seconds(clock)}.",
            });
            environment.Out.WriteLine(Summary(result.Counts));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Seconds(Stopwatch clock) =>
        clock.Elapsed.TotalSeconds.ToString("0.0 's'", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));

    private static string Summary(IReadOnlyDictionary<string, int> counts) =>
        $"Kommuner {counts["municipalities"]}, företag {counts["companies"]} (siffror {counts["companyFigures"]}), insatser {counts["insatser"]}, " +
        $"handlingsplaner {counts["plans"]}, aktiviteter {counts["events"]}, placeringar {counts["placements"]}, " +
        $"milstolpar {counts["narratives"] + counts["municipalMilestones"]}, ändringshistorik {counts["auditLog"]} poster.";
}
