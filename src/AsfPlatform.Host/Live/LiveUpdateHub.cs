using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AsfPlatform.Host.Live;

/// <summary>
/// Fans live updates out to SSE connections. Each connection owns a small bounded channel, so one slow browser
/// cannot hold up the grains that publish.
/// </summary>
public sealed class LiveUpdateHub : ILiveUpdatePublisher
{
    /// <summary>Subscribing to this topic receives every update.</summary>
    public const string AllTopics = "*";

    private const int SubscriberCapacity = 256;
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    /// <summary>Number of open subscriptions (for tests and diagnostics).</summary>
    public int SubscriberCount => _subscriptions.Count;

    /// <inheritdoc />
    public void Publish(LiveUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.Topic == AllTopics || string.Equals(subscription.Topic, update.Topic, StringComparison.Ordinal))
                subscription.Channel.Writer.TryWrite(update);
        }
    }

    /// <summary>Whether a connection here listens to exactly this topic.</summary>
    public bool HasSubscribers(string topic) =>
        _subscriptions.Keys.Any(s => string.Equals(s.Topic, topic, StringComparison.Ordinal));

    /// <summary>Starts receiving updates of a topic; dispose the result to stop.</summary>
    public Subscription Subscribe(string topic)
    {
        var subscription = new Subscription(this, topic, Channel.CreateBounded<LiveUpdate>(
            new BoundedChannelOptions(SubscriberCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            }));
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>An open subscription to one topic.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly LiveUpdateHub _hub;

        internal Subscription(LiveUpdateHub hub, string topic, Channel<LiveUpdate> channel)
        {
            _hub = hub;
            Topic = topic;
            Channel = channel;
        }

        /// <summary>The subscribed topic.</summary>
        public string Topic { get; }

        internal Channel<LiveUpdate> Channel { get; }

        /// <summary>The updates, in publication order.</summary>
        public ChannelReader<LiveUpdate> Reader => Channel.Reader;

        /// <inheritdoc />
        public void Dispose()
        {
            _hub._subscriptions.TryRemove(this, out _);
            Channel.Writer.TryComplete();
        }
    }
}
