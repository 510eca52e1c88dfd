using AsfPlatform.TestSupport;

namespace AsfPlatform.Cli.Tests;

/// <summary>A temp working directory with a SQLite database that asf init has created and loaded once.</summary>
public sealed class InitializedDatabase : IAsyncLifetime
{
    public TempSqliteDatabase Database { get; } = new("cli");
    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("asf-cli-").FullName;
    public CliResult Init { get; private set; } = null!;

    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(WorkingDirectory, null, [.. args, "--database", Database.FilePath]);

    public async Task InitializeAsync()
    {
        Init = await RunAsync("init");
        Assert.True(Init.ExitCode == 0, Init.ToString());
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        try { Directory.Delete(WorkingDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
