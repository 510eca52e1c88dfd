using AsfPlatform.Dataset;
using AsfPlatform.Grains;
using AsfPlatform.Reporting;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace AsfPlatform.Plugins.Tests;

/// <summary>
/// One Orleans silo in a plain host, on free loopback ports, with memory storage and the reconstructed dataset loaded through the grains, plus
/// the reporting services wired as the host wires them (the built-in plugins are found beside the test assembly
/// and read their data through <see cref="GrainReportContextFactory"/>). Shared by every test class in the
/// <see cref="DatasetCollection"/>, so the dataset is loaded once per test run.
/// </summary>
public sealed class DatasetFixture : IAsyncLifetime
{
    /// <summary>The owner and insats of the dataset's final report and 2017 plan.</summary>
    public const string Owner = "finsam-gavleborg", Insats = "asf-2016-2020";

    /// <summary>Region Gävleborg's project with its 2018 plan.</summary>
    public const string RegionOwner = "region-gavleborg", RegionInsats = "fler-i-arbete-genom-asf";

    /// <summary>A fixed generation time, so documents are reproducible (2021-03-01 10:00 Swedish time).</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IHost _host = null!;

    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
    public ReportRunner Runner => Services.GetRequiredService<ReportRunner>();
    public ReportCatalog Catalog => Runner.Catalog;
    public IReportContextFactory ContextFactory => Services.GetRequiredService<IReportContextFactory>();
    public PdfConverter Pdf => Services.GetRequiredService<PdfConverter>();
    public DatasetLoadResult Loaded { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var ports = FreePorts.Take(2); // test projects run in parallel: never Orleans' default ports
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports[0], ports[1], serviceId: "asf-plugins-tests", clusterId: "asf-plugins-tests")
            .AddAsfGrains()
            .AddMemoryGrainStorageAsDefault());
        builder.Services.AddAsfReporting(o => o.ScanApplicationDirectory = true).AddGrainReportContext();
        _host = builder.Build();
        await _host.StartAsync();
        Loaded = await new DatasetLoader(Grains).LoadAsync();
    }

    /// <summary>The context a report run with <paramref name="arguments"/> sees.</summary>
    public async Task<IReportContext> ContextAsync(ReportArguments arguments) =>
        await ContextFactory.CreateAsync(arguments, GeneratedAt, CancellationToken.None);

    /// <summary>Runs a report at <see cref="GeneratedAt"/> and returns the .docx.</summary>
    public Task<byte[]> RunAsync(string reportId, ReportArguments arguments) =>
        Runner.RunAsync(reportId, arguments, GeneratedAt);

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Test classes marked <c>[Collection(DatasetCollection.Name)]</c> share one <see cref="DatasetFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DatasetCollection : ICollectionFixture<DatasetFixture>
{
    public const string Name = "dataset";
}
