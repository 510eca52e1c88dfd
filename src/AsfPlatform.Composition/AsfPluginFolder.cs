using Microsoft.Extensions.Configuration;

namespace AsfPlatform.Composition;

/// <summary>
/// The drop-in folder for report plugins. The web host and the asf command resolve it here, so a plugin dropped in as
/// docs/PLUGINS.md says appears in both.
/// </summary>
public static class AsfPluginFolder
{
    /// <summary>Configuration key (environment: <c>Reporting__PluginDirectory</c>) naming the folder.</summary>
    public const string ConfigurationKey = "Reporting:PluginDirectory";

    /// <summary>The folder used when none is configured.</summary>
    public const string DefaultFolderName = "plugins-dropin";

    /// <summary>
    /// <paramref name="explicitFolder"/> or the configured folder (relative to <paramref name="startDirectory"/>),
    /// which must then exist (the catalog reports it otherwise); else <c>plugins-dropin</c> at the repository root
    /// (or in <paramref name="startDirectory"/> outside a checkout) when that folder exists; else null.
    /// </summary>
    public static string? Resolve(IConfiguration configuration, string startDirectory, string? explicitFolder = null)
    {
        var named = explicitFolder ?? configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(named))
            return Path.GetFullPath(named, startDirectory);
        var fallback = Path.Combine(AsfDataDirectory.FindRepositoryRoot(startDirectory) ?? startDirectory, DefaultFolderName);
        return Directory.Exists(fallback) ? Path.GetFullPath(fallback) : null;
    }
}
