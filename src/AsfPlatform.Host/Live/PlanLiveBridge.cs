using System.Collections.Concurrent;
using AsfPlatform.Contracts;
using Orleans;

namespace AsfPlatform.Host.Live;

/// <summary>
/// Feeds plan grains' indicator changes into the SSE hub: the first dashboard that opens the topic
/// <c>plan/{planKey}</c> subscribes this host once to that plan grain as an observer.
/// </summary>
public sealed class PlanLiveBridge(IGrainFactory grains, ILiveUpdatePublisher publisher, ILogger<PlanLiveBridge> logger)
    : IPlanObserver
{
    /// <summary>Topic prefix of plan dashboards.</summary>
    public const string TopicPrefix = "plan/";

    private readonly ConcurrentDictionary<string, Lazy<Task>> _subscribed = new(StringComparer.Ordinal);
    private IPlanObserver? _reference;

    /// <summary>SSE event name of indicator changes.</summary>
    public const string EventName = "indikatorer";

    /// <summary>The topic of one plan's dashboard.</summary>
    public static string Topic(string planKey) => TopicPrefix + planKey;

    /// <summary>Makes sure the plan pushes its changes here (once per plan and host).</summary>
    public Task EnsureSubscribedAsync(string topic)
    {
        if (!topic.StartsWith(TopicPrefix, StringComparison.Ordinal))
            return Task.CompletedTask;
        var planKey = topic[TopicPrefix.Length..];
        var subscription = _subscribed.GetOrAdd(planKey, key => new Lazy<Task>(() => SubscribeAsync(key)));
        return subscription.Value;
    }

    private async Task SubscribeAsync(string planKey)
    {
        try
        {
            _reference ??= grains.CreateObjectReference<IPlanObserver>(this);
            await grains.GetGrain<IYearlyPlanGrain>(planKey).Subscribe(_reference);
        }
        catch (Exception exception)
        {
            _subscribed.TryRemove(planKey, out _); // let the next dashboard try again
            logger.LogWarning(exception, "Could not subscribe to plan {PlanKey}", planKey);
        }
    }

    /// <inheritdoc />
    public Task IndicatorsChanged(PlanIndicatorsChanged change)
    {
        publisher.Publish(new LiveUpdate(Topic(change.PlanKey), EventName, change));
        return Task.CompletedTask;
    }
}
