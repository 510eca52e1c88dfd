using Microsoft.Extensions.Logging;

namespace AsfPlatform.Runtime.Utilities;

/// <summary>
/// Keeps a grain's subscribers and notifies them (Orleans.Utilities' <c>ObserverManager</c>). Subscriptions expire
/// unless renewed within <see cref="ExpirationDuration"/>; an observer whose notification fails is removed, and a
/// slow one is given up on after <see cref="NotificationTimeout"/>, so subscribers can never break the grain.
/// </summary>
/// <typeparam name="TIdentity">What identifies a subscriber.</typeparam>
/// <typeparam name="TObserver">The observer interface.</typeparam>
public class ObserverManager<TIdentity, TObserver>(TimeSpan expiration, ILogger logger)
    where TIdentity : notnull
{
    private readonly Dictionary<TIdentity, Subscription> _subscribers = [];

    /// <summary>How long a subscription lives without renewal.</summary>
    public TimeSpan ExpirationDuration { get; set; } = expiration;

    /// <summary>How long <see cref="Notify(Func{TObserver, Task}, Func{TObserver, bool}?)"/> waits for one observer.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Number of subscribers.</summary>
    public int Count => _subscribers.Count;

    /// <summary>The current subscribers by identity.</summary>
    public IReadOnlyDictionary<TIdentity, TObserver> Observers => _subscribers.ToDictionary(kv => kv.Key, kv => kv.Value.Observer);

    /// <summary>Adds or renews a subscription.</summary>
    public void Subscribe(TIdentity id, TObserver observer) =>
        _subscribers[id] = new Subscription(observer, DateTime.UtcNow);

    /// <summary>Removes a subscription.</summary>
    public void Unsubscribe(TIdentity id) => _subscribers.Remove(id);

    /// <summary>Removes every subscription.</summary>
    public void Clear() => _subscribers.Clear();

    /// <summary>Removes subscriptions older than <see cref="ExpirationDuration"/>.</summary>
    public void ClearExpired()
    {
        var cutoff = DateTime.UtcNow - ExpirationDuration;
        foreach (var id in _subscribers.Where(kv => kv.Value.Since < cutoff).Select(kv => kv.Key).ToList())
        {
            logger.LogDebug("Subscription {Id} expired", id);
            _subscribers.Remove(id);
        }
    }

    /// <summary>Notifies every (matching) subscriber with a one-way call; a subscriber that throws is removed.</summary>
    public void Notify(Action<TObserver> notification, Func<TObserver, bool>? predicate = null)
    {
        ClearExpired();
        foreach (var (id, subscription) in _subscribers.ToList())
        {
            if (predicate is not null && !predicate(subscription.Observer))
            {
                continue;
            }

            try
            {
                notification(subscription.Observer);
            }
            catch (Exception exception)
            {
                Drop(id, exception);
            }
        }
    }

    /// <summary>Notifies every (matching) subscriber and waits for all, at most <see cref="NotificationTimeout"/>
    /// each; subscribers that fail or time out are removed.</summary>
    public async Task Notify(Func<TObserver, Task> notification, Func<TObserver, bool>? predicate = null)
    {
        ClearExpired();
        var calls = _subscribers
            .Where(kv => predicate is null || predicate(kv.Value.Observer))
            .Select(kv => (kv.Key, Task: Call(kv.Value.Observer)))
            .ToList();
        foreach (var (id, task) in calls)
        {
            try
            {
                await task;
            }
            catch (Exception exception)
            {
                Drop(id, exception);
            }
        }

        async Task Call(TObserver observer)
        {
            await notification(observer).WaitAsync(NotificationTimeout);
        }
    }

    private void Drop(TIdentity id, Exception exception)
    {
        logger.LogWarning(exception, "Removing subscriber {Id}: its notification failed", id);
        _subscribers.Remove(id);
    }

    private sealed record Subscription(TObserver Observer, DateTime Since);
}

/// <summary>An <see cref="ObserverManager{TIdentity, TObserver}"/> where observers identify themselves.</summary>
public class ObserverManager<TObserver>(TimeSpan expiration, ILogger logger)
    : ObserverManager<TObserver, TObserver>(expiration, logger)
    where TObserver : notnull
{
    /// <summary>Adds or renews a subscription.</summary>
    public void Subscribe(TObserver observer) => Subscribe(observer, observer);
}
