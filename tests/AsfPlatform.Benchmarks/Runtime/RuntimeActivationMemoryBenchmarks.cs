using AsfPlatform.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Benchmarks.Runtime;

/// <summary>
/// Memory of idle activations (target under 2 KB each beyond the grain's own state). Each op activates one new grain
/// (a first call to a new key): "Allocated" is everything allocated per activation, transient objects included. The
/// memory an idle activation keeps is measured in setup with a forced GC around 10,000 activations and printed as
/// "RETAINED BYTES PER IDLE ACTIVATION" in the log.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RuntimeActivationMemoryBenchmarks
{
    private const int Activations = 10_000;
    private IHost _host = null!;
    private IGrainFactory _grains = null!;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkHost.Start();
        _grains = _host.Grains();
        _grains.GetGrain<IAdderGrain>("warm-up").Add(0).GetAwaiter().GetResult();
        Console.WriteLine($"// RETAINED BYTES PER IDLE ACTIVATION: {MeasureRetainedBytesPerActivation(_grains):F0}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Activations)]
    public async Task ActivateNewGrains()
    {
        var round = Interlocked.Increment(ref _round);
        for (var i = 0; i < Activations; i++)
        {
            await _grains.GetGrain<IAdderGrain>($"r{round}-{i}").Add(1);
        }
    }

    /// <summary>Bytes kept per idle activation (catalog entry, activation, grain object).</summary>
    public static double MeasureRetainedBytesPerActivation(IGrainFactory grains)
    {
        // Keys are made up front so their strings count as the caller's, not the runtime's.
        var keys = Enumerable.Range(0, Activations).Select(i => $"idle-{i}").ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var key in keys)
        {
            grains.GetGrain<IAdderGrain>(key).Add(1).GetAwaiter().GetResult();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(keys);
        return (after - before) / (double)Activations;
    }
}
