using AsfPlatform.Composition;
using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace AsfPlatform.Cli.Tests;

/// <summary>
/// asf beside a running host of the same database: it joins the host's cluster as a client, so what it writes is what
/// the host serves at once, and it never starts a second silo on the same SQLite file.
/// </summary>
public sealed class RunningHostTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new("cli-host");
    private readonly IReadOnlyDictionary<string, string> _ports = FreePorts.ForSilo();
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("asf-cli-host-").FullName;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_ports.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        builder.AddAsfPlatform(o => o.Storage = AsfStorage.Sqlite(_database.FilePath));
        _host = builder.Build();
        await _host.StartAsync();
        await new DatasetLoader(_host.Services.GetRequiredService<IGrainFactory>()).LoadAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _database.Dispose();
        try { Directory.Delete(_workingDirectory, recursive: true); } catch (IOException) { }
    }

    private Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(Console(output), Console(error), new StringReader(""), InputRedirected: false,
            new ConfigurationBuilder().AddInMemoryCollection(_ports.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build(),
            _workingDirectory);
        return AsfCli.RunAsync(args, environment).ContinueWith(t => new CliResult(t.Result, output.ToString(), error.ToString()));
    }

    [Fact]
    public async Task Asf_joins_the_running_host_of_its_database_and_reads_what_the_host_serves()
    {
        var result = await RunAsync("data", "quality", "--owner", "finsam-gavleborg", "--database", _database.FilePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Ansluten till den körande webbplatsen", result.Out);
        var findings = await _host.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner("finsam-gavleborg")).GetDataQualityFindings();
        Assert.Contains($"{findings.Count} avvikelser", result.Out);
    }

    [Fact]
    public async Task Asf_refuses_to_work_on_another_database_beside_a_running_host()
    {
        using var other = new TempSqliteDatabase("cli-other");

        var result = await RunAsync("data", "quality", "--owner", "finsam-gavleborg", "--database", other.FilePath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("körs redan", result.Error);
        Assert.Contains(_database.FilePath, result.Error.Replace("\n", "", StringComparison.Ordinal));
        Assert.False(File.Exists(other.FilePath) && new FileInfo(other.FilePath).Length > 0, "nothing was written to the other database");
    }

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
