using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;


namespace AsfPlatform.Grains.Infrastructure;

/// <summary>
/// Infrastructure: the information events of one insats on one day (key: <see cref="GrainKeys.EventLog"/>), each with
/// its own version. Only the insats grain calls it: it validates the event against the insats, keeps the event ids
/// unique across days and pushes changes to the plans. The log's state is written whole on every change, so splitting
/// the events by day keeps each durable write as small as one day's events, however many an insats collects (by month
/// a write grew with the month's events and became the load's largest cost; see docs/BENCHMARKS.md).
/// Logs kept per month before (<see cref="GrainKeys.MonthEventLog"/>) are the same grain type, read once to move their
/// events and then emptied.
/// </summary>
[Alias("asf.IEventLogGrain")]
public interface IEventLogGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records or replaces the event. <paramref name="createOnly"/> refuses an id that is taken
    /// (<see cref="AlreadyExistsException"/>); <paramref name="expectedVersion"/> is the event's own version (0: absent).
    /// Interleaves, so events of the day recorded at once share one write (group commit).
    /// </summary>
    [AlwaysInterleave]
    Task<EventWrite> Record(InformationEvent informationEvent, long? expectedVersion, bool createOnly, AuditNote? audit = null);

    /// <summary>Stores the event with the given version as it is (an event moved here from another day), with the
    /// move's audit note when a user moved it.</summary>
    Task Adopt(StoredEvent stored, AuditNote? audit = null);

    /// <summary>Removes the event; false when it was not here. <paramref name="expectedVersion"/> is the event's version.</summary>
    Task<bool> Remove(string eventId, long? expectedVersion, AuditNote? audit = null);

    /// <summary>The event with its version, or null.</summary>
    Task<StoredEvent?> Get(string eventId);

    /// <summary>All events of the log with their versions.</summary>
    Task<IReadOnlyList<StoredEvent>> GetAll();

    /// <summary>Empties the log once its events are stored elsewhere (a month's log whose events moved to their days).</summary>
    Task Empty();
}

/// <summary>An information event with its own version (the ETag for changing it).</summary>
[GenerateSerializer, Immutable, Alias("asf.StoredEvent")]
public sealed record StoredEvent(InformationEvent Event, long Version);

/// <summary>The outcome of recording an event: its version now and whether anything changed.</summary>
[GenerateSerializer, Immutable, Alias("asf.EventWrite")]
public sealed record EventWrite(long Version, bool Changed);
