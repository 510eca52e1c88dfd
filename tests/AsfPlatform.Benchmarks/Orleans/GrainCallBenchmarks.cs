using System.Threading.Channels;
using AsfPlatform.Contracts;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Benchmarks.Orleans;

/// <summary>
/// A grain call in one silo against a bare <see cref="Channel{T}"/> request/response hop to a consumer task, from 1
/// and from 8 concurrent callers; and a trivial method of the platform's grains (the health probe) against the
/// Orleans samples' trivial grain, to show the platform adds nothing on top of Orleans' own call.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GrainCallBenchmarks
{
    private const int CallsPerCaller = 64;

    private IHost _host = null!;
    private ISampleGrain _sample = null!;
    private IHealthProbeGrain _platform = null!;
    private Channel<TaskCompletionSource<DateTimeOffset>> _channel = null!;
    private Task _consumer = null!;

    /// <summary>Concurrent callers.</summary>
    [Params(1, 8)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkSilo.Start();
        var grains = _host.Services.GetRequiredService<IGrainFactory>();
        _sample = grains.GetGrain<ISampleGrain>("bench");
        _platform = grains.GetGrain<IHealthProbeGrain>("bench");
        _sample.PingAsync().GetAwaiter().GetResult();
        _platform.PingAsync().GetAwaiter().GetResult();
        _channel = Channel.CreateUnbounded<TaskCompletionSource<DateTimeOffset>>(new UnboundedChannelOptions { SingleReader = true });
        _consumer = Task.Run(async () =>
        {
            await foreach (var reply in _channel.Reader.ReadAllAsync())
                reply.SetResult(DateTimeOffset.UtcNow);
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel.Writer.Complete();
        _consumer.GetAwaiter().GetResult();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerCaller)]
    public Task ChannelHop() => Run(async () =>
    {
        var reply = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(reply);
        await reply.Task;
    });

    [Benchmark(OperationsPerInvoke = CallsPerCaller)]
    public Task OrleansSampleGrainCall() => Run(() => _sample.PingAsync());

    [Benchmark(OperationsPerInvoke = CallsPerCaller)]
    public Task PlatformGrainCall() => Run(() => _platform.PingAsync());

    // Each caller makes its share of the calls one after another; the callers run at once.
    private Task Run(Func<Task> call) => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < CallsPerCaller / Callers; i++)
            await call();
    })));
}
