using AsfPlatform.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Benchmarks.Runtime;

/// <summary>
/// Throughput of a trivial grain method from 8 concurrent callers (target at least 500,000 calls/s). Each benchmark
/// op is one call; calls/s = 1 s / Mean. "OneGrain": all 8 callers share one grain, so their calls queue behind each
/// other; "OwnGrain": each caller has its own grain.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RuntimeThroughputBenchmarks
{
    private const int Callers = 8;
    private const int CallsPerCaller = 10_000;
    private IHost _host = null!;
    private IAdderGrain[] _shared = null!;
    private IAdderGrain[] _own = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkHost.Start();
        var grains = _host.Grains();
        var one = grains.GetGrain<IAdderGrain>("shared");
        _shared = Enumerable.Repeat(one, Callers).ToArray();
        _own = Enumerable.Range(0, Callers).Select(i => grains.GetGrain<IAdderGrain>($"own{i}")).ToArray();
        Task.WhenAll(_shared.Concat(_own).Select(g => g.Add(0))).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task OneGrain() => Run(_shared);

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task OwnGrain() => Run(_own);

    private static Task Run(IAdderGrain[] grains) =>
        Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            for (var i = 0; i < CallsPerCaller; i++)
            {
                await grain.Add(1);
            }
        })));
}
