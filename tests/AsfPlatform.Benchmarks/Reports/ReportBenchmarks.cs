using System.Text.Json;
using System.Text.Json.Serialization;
using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using AsfPlatform.Grains;
using AsfPlatform.Plugins.Handlingsplan;
using AsfPlatform.Plugins.Kommunrapport;
using AsfPlatform.Plugins.Lagesrapport;
using AsfPlatform.Plugins.Slutrapport;
using AsfPlatform.Reporting;
using AsfPlatform.Reporting.Word;
using AsfPlatform.Benchmarks.Orleans;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Benchmarks.Reports;

/// <summary>
/// The reconstructed dataset in a grain host with memory storage and the four built-in reports, as the host wires
/// them. Also exports the 2017 plan snapshot as JSON for the Node peer in <c>tests/docx-peer</c>.
/// </summary>
internal sealed class ReportBench : IDisposable
{
    public const string Owner = "finsam-gavleborg", Insats = "asf-2016-2020";
    public static readonly DateTimeOffset GeneratedAt = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Where the plan snapshot is exported for the Node peer (override with ASF_PEER_JSON).</summary>
    public static string PeerJsonPath => Environment.GetEnvironmentVariable("ASF_PEER_JSON") is { Length: > 0 } path
        ? path
        : Path.Combine(Path.GetTempPath(), "asf-handlingsplan-2017.json");

    private readonly IHost _host;

    public ReportBench()
    {
        _host = BenchmarkSilo.Start(services => services.AddAsfReporting(o =>
        {
            o.ScanApplicationDirectory = false;
            foreach (var plugin in new[] { typeof(HandlingsplanReport), typeof(SlutrapportReport), typeof(LagesrapportReport), typeof(KommunrapportReport) })
                o.BuiltInAssemblies.Add(plugin.Assembly);
        }).AddGrainReportContext());
        new DatasetLoader(_host.Services.GetRequiredService<IGrainFactory>()).LoadAsync().GetAwaiter().GetResult();
        Runner = _host.Services.GetRequiredService<ReportRunner>();
        PlanContext = _host.Services.GetRequiredService<IReportContextFactory>()
            .CreateAsync(Arguments("handlingsplan"), GeneratedAt, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        ExportForPeer(PlanContext, PeerJsonPath);
    }

    public ReportRunner Runner { get; }

    /// <summary>The host's services (the PDF converter among them).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The handlingsplan 2017's context, read once from the grains.</summary>
    public IReportContext PlanContext { get; }

    public static ReportArguments Arguments(string report, string kommunkod = "2184") => report switch
    {
        "handlingsplan" => new(Owner, Insats, 2017),
        "slutrapport" => new(Owner, Insats),
        "lagesrapport" => new(Owner, Insats, AsOfDate: new DateOnly(2017, 12, 31)),
        _ => new(Owner, Insats, 2017, kommunkod),
    };

    /// <summary>The plan snapshot and its evaluated indicators as JSON (camelCase, enums by name) for the Node peer.</summary>
    public static void ExportForPeer(IReportContext context, string path)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
        var export = new
        {
            owner = context.Owner?.Name,
            insats = context.Insats?.Insats?.Title,
            year = context.Plan!.Year,
            asOf = context.AsOf,
            version = context.Plan.Version,
            plan = context.Plan.Content,
            indicators = context.Indicators,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(export, json));
    }

    public void Dispose()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }
}

/// <summary>
/// Warm generation time of each built-in report on the reconstructed dataset as the host runs it through
/// <see cref="ReportRunner"/>: context read from the grains (memory storage), render, .docx bytes.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReportGenerationBenchmarks
{
    private ReportBench _bench = null!;

    [Params("handlingsplan", "slutrapport", "lagesrapport", "kommunrapport")]
    public string Report { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _bench = new ReportBench();

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark]
    public Task<byte[]> Generate() => _bench.Runner.RunAsync(Report, ReportBench.Arguments(Report), ReportBench.GeneratedAt);
}

/// <summary>
/// All ten kommunrapporter of 2017 as one batch, and the handlingsplan rendered from an in-memory snapshot — the
/// like-for-like peer of <c>tests/docx-peer</c>, which builds the same content with the npm package docx from the
/// JSON the setup exports (<see cref="ReportBench.PeerJsonPath"/>).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReportBatchBenchmarks
{
    private readonly HandlingsplanReport _handlingsplan = new();
    private ReportBench _bench = null!;
    private string[] _kommunkoder = [];

    [GlobalSetup]
    public void Setup()
    {
        _bench = new ReportBench();
        _kommunkoder = _bench.PlanContext.Municipalities.Select(m => m.Kommunkod).Order(StringComparer.Ordinal).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();

    /// <summary>The handlingsplan from an in-memory snapshot to .docx bytes: what the Node peer measures.</summary>
    [Benchmark]
    public async Task<byte[]> HandlingsplanFromSnapshot()
    {
        var builder = new WordDocumentBuilder(ReportBench.GeneratedAt);
        await _handlingsplan.RenderAsync(_bench.PlanContext, builder, CancellationToken.None);
        return builder.ToArray();
    }

    /// <summary>All kommunrapporter of 2017 (one per municipality), one after the other.</summary>
    [Benchmark]
    public async Task<int> AllKommunrapporter2017()
    {
        var bytes = 0;
        foreach (var code in _kommunkoder)
            bytes += (await _bench.Runner.RunAsync("kommunrapport", ReportBench.Arguments("kommunrapport", code), ReportBench.GeneratedAt)).Length;
        return bytes;
    }
}
