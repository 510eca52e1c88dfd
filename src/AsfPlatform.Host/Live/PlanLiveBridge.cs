using System.Collections.Concurrent;
using AsfPlatform.Contracts;
using Orleans;

namespace AsfPlatform.Host.Live;

/// <summary>
/// Feeds plan grains' indicator changes into the SSE hub: the first dashboard that opens the topic
/// <c>plan/{planKey}</c> subscribes this host once to that plan grain as an observer. The plan grain notifies every
/// subscribed host, wherever the grain lives and whichever host took the write, so a dashboard on any host of the
/// cluster follows every change.
/// </summary>
/// <remarks>
/// The grain keeps its observers in memory, forgets one after ten minutes without renewal, and starts with none
/// when it is activated anew (after a failed write, or on another silo when its silo died). So while this host
/// has a dashboard open on a plan, the subscription is renewed every <see cref="RenewalInterval"/>; once no
/// dashboard here watches the plan any longer, it is withdrawn.
/// </remarks>
public sealed class PlanLiveBridge(IGrainFactory grains, LiveUpdateHub hub, ILogger<PlanLiveBridge> logger)
    : BackgroundService, IPlanObserver
{
    /// <summary>Topic prefix of plan dashboards.</summary>
    public const string TopicPrefix = "plan/";

    /// <summary>SSE event name of indicator changes.</summary>
    public const string EventName = "indikatorer";

    /// <summary>How often a watched plan is subscribed again: the longest a reactivated grain goes unobserved.</summary>
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Watched> _watched = new(StringComparer.Ordinal);
    private readonly Lock _referenceGate = new();
    private IPlanObserver? _reference;

    // Orleans holds the observed object weakly: the bridge itself (a singleton, kept by the container) is the observer.
    private IPlanObserver Reference()
    {
        lock (_referenceGate)
            return _reference ??= grains.CreateObjectReference<IPlanObserver>(this);
    }

    /// <summary>The topic of one plan's dashboard.</summary>
    public static string Topic(string planKey) => TopicPrefix + planKey;

    /// <summary>Makes sure the plan pushes its changes here (once per plan and host; renewed while watched).</summary>
    public Task EnsureSubscribedAsync(string topic)
    {
        if (!topic.StartsWith(TopicPrefix, StringComparison.Ordinal))
            return Task.CompletedTask;
        var planKey = topic[TopicPrefix.Length..];
        var watched = _watched.GetOrAdd(planKey, key => new Watched(new Lazy<Task>(() => SubscribeFirstAsync(key))));
        watched.LastWanted = DateTimeOffset.UtcNow;
        return watched.First.Value;
    }

    private async Task SubscribeFirstAsync(string planKey)
    {
        try
        {
            await grains.GetGrain<IYearlyPlanGrain>(planKey).Subscribe(Reference());
        }
        catch (Exception exception)
        {
            _watched.TryRemove(planKey, out _); // let the next dashboard try again
            logger.LogWarning(exception, "Could not subscribe to plan {PlanKey}", planKey);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewalInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RenewAsync();
    }

    /// <summary>Renews the subscriptions of watched plans and withdraws those nobody here watches any longer.</summary>
    internal async Task RenewAsync()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (planKey, watched) in _watched)
        {
            if (!watched.First.IsValueCreated || !watched.First.Value.IsCompleted)
                continue;
            if (hub.HasSubscribers(Topic(planKey)))
                watched.LastWanted = now;
            // Two intervals of grace: a dashboard that just asked has not opened its hub subscription yet.
            var wanted = now - watched.LastWanted < 2 * RenewalInterval;
            try
            {
                var plan = grains.GetGrain<IYearlyPlanGrain>(planKey);
                if (wanted)
                {
                    await plan.Subscribe(Reference());
                }
                else
                {
                    _watched.TryRemove(planKey, out _);
                    await plan.Unsubscribe(Reference());
                }
            }
            catch (Exception exception)
            {
                // A silo that just died: the next round reaches the plan's new activation.
                logger.LogDebug(exception, "Could not renew the subscription to plan {PlanKey}", planKey);
            }
        }
    }

    /// <inheritdoc />
    public Task IndicatorsChanged(PlanIndicatorsChanged change)
    {
        hub.Publish(new LiveUpdate(Topic(change.PlanKey), EventName, change));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is { } reference)
        {
            try
            {
                grains.DeleteObjectReference<IPlanObserver>(reference);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or ArgumentException)
            {
                // The runtime already stopped; its references went with it.
            }
        }
    }

    private sealed class Watched(Lazy<Task> first)
    {
        public Lazy<Task> First { get; } = first;
        public DateTimeOffset LastWanted { get; set; } = DateTimeOffset.UtcNow;
    }
}
