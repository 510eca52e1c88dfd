using AsfPlatform.TestSupport;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace AsfPlatform.Cli.Tests;

/// <summary>What one in-process run of asf printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the asf command tree in-process with captured, non-interactive consoles (as when output is redirected),
/// an empty configuration (the machine's environment variables must not leak in) and a temp working directory.
/// </summary>
public static class CliRun
{
    public static async Task<CliResult> RunAsync(string workingDirectory, string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = Environment(workingDirectory, output, error, stdin);
        var code = await AsfCli.RunAsync(args, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The environment of one run, for tests that start a <see cref="CliRuntime"/> themselves.</summary>
    public static CliEnvironment Environment(string workingDirectory, TextWriter output, TextWriter error, string? stdin = null) =>
        new(Console(output), Console(error),
            new StringReader(stdin ?? ""), InputRedirected: stdin is not null,
            // Test classes run in parallel: each run's silo gets ports of its own instead of Orleans' defaults.
            new ConfigurationBuilder().AddInMemoryCollection(FreePorts.ForSilo().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build(),
            workingDirectory)
        {
            ConfigureReporting = options => options.BuiltInAssemblies.Add(typeof(CliRun).Assembly),
        };

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
