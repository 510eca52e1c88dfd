using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using AsfPlatform.Access;
using AsfPlatform.Cli.Commands;
using AsfPlatform.Reporting;
using Spectre.Console;

namespace AsfPlatform.Cli;

/// <summary>
/// The <c>asf</c> command tree and its error handling: every failure ends as a Swedish message on stderr and an
/// exit code from <see cref="ExitCodes"/>, never as a stack trace.
/// </summary>
public static class AsfCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(environment);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var message in ParseErrors.Translate(parse))
                WriteError(environment, message);
            environment.Error.WriteLine("Skriv \"asf --help\" (eller \"asf <kommando> --help\") för hjälp.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception ex)
        {
            var (message, code) = Describe(ex);
            WriteError(environment, message);
            return code;
        }
    }

    /// <summary>The command tree, with Swedish help on every command.</summary>
    public static RootCommand BuildRootCommand(CliEnvironment environment)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(
            "asf – planering och uppföljning av insatser för arbetsintegrerande sociala företag (ASF). " +
            "Arbetar mot samma databas som webbplatsen: som standard .asf/asf.db i repots rot (i en utcheckning), " +
            "annars i användarens programdatakatalog (asf); miljövariabeln ASF_DATA_DIR anger en annan katalog. " +
            "Slutkoder: 0 klart, 1 fel under körningen, 2 fel i kommandoraden.");
        foreach (var option in root.Options.ToList())
        {
            if (option is HelpOption help)
            {
                help.Description = "Visa hjälp för kommandot.";
                help.Action = new SwedishHelpAction(environment);
            }
            else if (option is VersionOption)
            {
                root.Options.Remove(option);
            }
        }
        var version = new Option<bool>("--version") { Description = "Visa versionsnummer." };
        root.Options.Add(version);
        global.AddTo(root);

        root.Subcommands.Add(InitCommand.Create(environment, global));
        root.Subcommands.Add(DataCommands.Create(environment, global));
        root.Subcommands.Add(ReportCommands.CreateList(environment, global));
        root.Subcommands.Add(ReportCommands.CreateReport(environment, global));
        root.Subcommands.Add(UserCommands.Create(environment, global));
        root.Subcommands.Add(BackupCommands.CreateBackup(environment, global));
        root.Subcommands.Add(BackupCommands.CreateRestore(environment, global));
        root.SetAction(parse =>
        {
            if (parse.GetValue(version))
            {
                var informational = typeof(AsfCli).Assembly.GetName().Version?.ToString() ?? "okänd";
                environment.Out.WriteLine($"asf {informational}");
                return ExitCodes.Ok;
            }
            SwedishHelpAction.Write(environment.Out, root);
            return ExitCodes.Ok;
        });
        return root;
    }

    internal static void WriteError(CliEnvironment environment, string message) =>
        environment.Error.MarkupLine($"[red]Fel:[/] {Markup.Escape(message)}");

    /// <summary>The Swedish message and exit code of a failure.</summary>
    internal static (string Message, int ExitCode) Describe(Exception ex) => ex switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        ReportNotFoundException => (ex.Message, ExitCodes.InvalidInput),
        ReportParameterException p => ($"{ReportOptionNames.Of(p.Parameter)}: {p.Message}", ExitCodes.InvalidInput),
        ReportFailedException => (ex.Message, ExitCodes.Failed),
        PdfConversionException => (ex.Message, ExitCodes.Failed),
        AccessValidationException v => ($"{UserCommands.OptionOf(v.Field)}: {v.Message}", ExitCodes.InvalidInput),
        AccessConflictException => (ex.Message, ExitCodes.InvalidInput),
        AsfPlatform.Composition.StorageConfigurationException => (ex.Message, ExitCodes.InvalidInput),
        OperationCanceledException => ("Avbrutet.", ExitCodes.Failed),
        UnauthorizedAccessException or IOException => ($"Filen kunde inte skrivas eller läsas: {ex.Message}", ExitCodes.Failed),
        _ => ($"Oväntat fel ({ex.GetType().Name}): {ex.GetBaseException().Message}", ExitCodes.Failed),
    };
}
