using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace AsfPlatform.Cli;

/// <summary>
/// What a run of <c>asf</c> talks to: its output and error consoles, standard input, configuration and working
/// directory. The process uses the real ones; tests pass captured ones so commands run in-process.
/// </summary>
public sealed record CliEnvironment(
    IAnsiConsole Out,
    IAnsiConsole Error,
    TextReader Input,
    bool InputRedirected,
    IConfiguration Configuration,
    string WorkingDirectory)
{
    /// <summary>The process's consoles, stdin, environment variables and current directory.</summary>
    public static CliEnvironment FromProcess()
    {
        // stderr gets its own console so errors stay visible when stdout is piped into a file; redirected output is
        // plain text (no colours, no live progress), so logs and files stay readable.
        var output = Console(System.Console.Out, System.Console.IsOutputRedirected);
        var error = Console(System.Console.Error, System.Console.IsErrorRedirected);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return new(output, error, System.Console.In, System.Console.IsInputRedirected, configuration, Directory.GetCurrentDirectory());
    }

    private static IAnsiConsole Console(TextWriter writer, bool redirected) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
    });

    /// <summary>Adjusts where report plugins come from (tests add their own plugin assemblies).</summary>
    public Action<AsfPlatform.Reporting.ReportingOptions>? ConfigureReporting { get; init; }

    /// <summary>Whether progress can be drawn live (an interactive terminal), rather than as plain lines.</summary>
    public bool CanDrawLive => Out.Profile.Capabilities.Interactive && Out.Profile.Capabilities.Ansi;
}
