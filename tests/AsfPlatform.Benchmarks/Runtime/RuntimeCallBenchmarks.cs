using System.Threading.Channels;
using AsfPlatform.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Benchmarks.Runtime;

/// <summary>
/// The cost of one grain call next to a direct method call and a bare <see cref="Channel{T}"/> request/response hop
/// to a consumer task (target: grain call at most 3x the channel hop).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RuntimeCallBenchmarks
{
    private readonly PlainAdder _plain = new();
    private IHost _host = null!;
    private IAdderGrain _grain = null!;
    private Channel<(int Value, TaskCompletionSource<int> Reply)> _channel = null!;
    private Task _consumer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkHost.Start();
        _grain = _host.Grains().GetGrain<IAdderGrain>("bench");
        _grain.Add(0).GetAwaiter().GetResult();
        _channel = Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });
        _consumer = Task.Run(async () =>
        {
            var sum = 0;
            await foreach (var (value, reply) in _channel.Reader.ReadAllAsync())
            {
                reply.SetResult(sum += value);
            }
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

    [Benchmark(Baseline = true)]
    public Task<int> DirectCall() => _plain.Add(1);

    [Benchmark]
    public async Task<int> ChannelHop()
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync((1, reply));
        return await reply.Task;
    }

    [Benchmark]
    public Task<int> GrainCall() => _grain.Add(1);
}
