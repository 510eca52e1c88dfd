using AsfPlatform.Runtime.Core;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Runtime.Hosting;

/// <summary>Runs idle collection every <see cref="GrainRuntimeOptions.CollectionQuantum"/> and deactivates all
/// grains (calling <c>OnDeactivateAsync</c>) when the host stops.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _collector = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _collector = CollectAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _collector;
        await runtime.StopAsync(cancellationToken);
    }

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(runtime.Options.CollectionQuantum);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                runtime.CollectIdleActivations();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
