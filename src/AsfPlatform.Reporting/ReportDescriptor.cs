namespace AsfPlatform.Reporting;

/// <summary>A loaded plugin and where it came from.</summary>
/// <param name="Plugin">The plugin instance.</param>
/// <param name="Source">The assembly it was loaded from (file path for drop-ins, assembly name for built-ins).</param>
/// <param name="IsDropIn">Whether it came from the drop-in folder (its own load context).</param>
public sealed record ReportDescriptor(IReportPlugin Plugin, string Source, bool IsDropIn)
{
    /// <summary>The plugin id.</summary>
    public string Id => Plugin.Id;

    /// <summary>The Swedish title.</summary>
    public string Title => Plugin.Title;

    /// <summary>The Swedish description.</summary>
    public string Description => Plugin.Description;

    /// <summary>The declared parameters.</summary>
    public IReadOnlyList<ReportParameter> Parameters => Plugin.Parameters;
}
