namespace AsfPlatform.Cli;

/// <summary>Exit codes of <c>asf</c>.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Something failed while running (a report, the database, LibreOffice).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: a missing or invalid option, an unknown report, owner or user.</summary>
    public const int InvalidInput = 2;
}

/// <summary>
/// An error to show the user as is (Swedish, saying which option and why) and end with <see cref="ExitCode"/>;
/// never a stack trace.
/// </summary>
public sealed class CliException(string message, int exitCode = ExitCodes.InvalidInput, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>An option was missing or had a bad value.</summary>
    public static CliException Option(string option, string reason) => new($"{option}: {reason}");

    /// <summary>Something failed while running.</summary>
    public static CliException Failure(string message, Exception? inner = null) => new(message, ExitCodes.Failed, inner);
}
