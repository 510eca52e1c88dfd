namespace AsfPlatform.Reporting;

/// <summary>
/// Everything a plugin may read while rendering: the arguments and the generation time. The host builds it
/// before the plugin runs; it is a read-only snapshot, so a plugin can neither change data nor see later writes.
/// </summary>
public interface IReportContext
{
    /// <summary>The arguments the user gave (validated against the plugin's declared parameters).</summary>
    ReportArguments Arguments { get; }

    /// <summary>When the report is generated. Use this rather than the clock so output is reproducible.</summary>
    DateTimeOffset GeneratedAt { get; }
}
