namespace AsfPlatform.Host.Live;

/// <summary>
/// One change pushed to dashboards over Server-Sent Events.
/// </summary>
/// <param name="Topic">What changed, e.g. "insats/asf-gavleborg/2017"; dashboards subscribe per topic.</param>
/// <param name="EventName">SSE event name, e.g. "indikator".</param>
/// <param name="Data">The payload, serialised as JSON to the client.</param>
public sealed record LiveUpdate(string Topic, string EventName, object Data);

/// <summary>Publishes live updates; grain observers call this when an indicator changes.</summary>
public interface ILiveUpdatePublisher
{
    /// <summary>Delivers the update to every current subscriber of its topic (and of <see cref="LiveUpdateHub.AllTopics"/>).
    /// Never blocks: a subscriber that falls behind loses its oldest updates, not the publisher's time.</summary>
    void Publish(LiveUpdate update);
}
