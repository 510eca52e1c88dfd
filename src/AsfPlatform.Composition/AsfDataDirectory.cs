using Microsoft.Extensions.Configuration;

namespace AsfPlatform.Composition;

/// <summary>
/// Where the default SQLite file lives. The web host and the asf command must agree whatever directory they are
/// started from, so the folder never depends on the working directory alone.
/// </summary>
public static class AsfDataDirectory
{
    /// <summary>The environment variable (and configuration key) that names the data folder.</summary>
    public const string EnvironmentVariable = "ASF_DATA_DIR";

    /// <summary>The file marking a checkout's root.</summary>
    public const string SolutionFile = "AsfPlatform.sln";

    /// <summary>
    /// <c>ASF_DATA_DIR</c> when set; else <c>&lt;repository root&gt;/.asf</c> when <paramref name="startDirectory"/>
    /// lies in a checkout (the nearest ancestor holding <c>AsfPlatform.sln</c>); else the user's local application
    /// data folder <c>asf</c>. Always a full path.
    /// </summary>
    public static string Resolve(IConfiguration? configuration, string startDirectory)
    {
        var configured = configuration?[EnvironmentVariable];
        if (string.IsNullOrWhiteSpace(configured))
            configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, startDirectory);
        if (FindRepositoryRoot(startDirectory) is { } root)
            return Path.Combine(root, ".asf");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify), "asf");
    }

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> that holds <c>AsfPlatform.sln</c>, or null.</summary>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        }
        return null;
    }
}
