namespace AsfPlatform.Reporting.Tests;

/// <summary>A private copy of the built test plugins, so a test can add a corrupt file without affecting others.</summary>
internal sealed class DropInFolder : IDisposable
{
    public DropInFolder()
    {
        Path = Directory.CreateTempSubdirectory("asf-dropin-").FullName;
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "dropin"), "*.dll"))
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
    }

    public string Path { get; }

    public ReportingOptions Options(TimeSpan? timeout = null)
    {
        var options = new ReportingOptions { PluginDirectory = Path, ScanApplicationDirectory = false };
        if (timeout is { } limit)
            options.RenderTimeout = limit;
        return options;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
