namespace AsfPlatform.Reporting;

/// <summary>Something that went wrong while finding plugins; reported, never fatal.</summary>
/// <param name="Source">The assembly file or name the problem came from.</param>
/// <param name="Message">What happened, in Swedish.</param>
public sealed record PluginLoadProblem(string Source, string Message);
