using System.Reflection;

namespace AsfPlatform.Reporting;

/// <summary>Where report plugins come from and how long one may run.</summary>
public sealed class ReportingOptions
{
    /// <summary>Assemblies with built-in plugins, loaded in the default context (e.g. referenced plugin projects).</summary>
    public IList<Assembly> BuiltInAssemblies { get; } = [];

    /// <summary>Also load <c>AsfPlatform.Plugins.*.dll</c> found next to the application. On by default.</summary>
    public bool ScanApplicationDirectory { get; set; } = true;

    /// <summary>The application directory scanned for <c>AsfPlatform.Plugins.*.dll</c>; defaults to <see cref="AppContext.BaseDirectory"/>.</summary>
    public string ApplicationDirectory { get; set; } = AppContext.BaseDirectory;

    /// <summary>The drop-in folder: every <c>*.dll</c> in it is tried as a plugin assembly, each in its own load context. Null = none.</summary>
    public string? PluginDirectory { get; set; }

    /// <summary>How long one report may take to render before it is abandoned. Default 30 s.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
