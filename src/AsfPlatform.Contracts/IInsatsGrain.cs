using AsfPlatform.Domain.Model;


namespace AsfPlatform.Contracts;

/// <summary>One per insats (key: <see cref="GrainKeys.Insats"/>). Holds its placements, narrative milestones and
/// stated totals, routes its events to one log per day (one grain per day), and pushes each change to
/// its yearly plans.</summary>
[Alias("asf.IInsatsGrain")]
public interface IInsatsGrain : IGrainWithStringKey
{
    /// <summary>Defines or updates the insats (title, period, target groups, partners, goals).</summary>
    Task<InsatsSnapshot> Define(DefineInsats command);

    /// <summary>Closes the insats at a date inside its period: it shows as closed and refuses facts dated later.</summary>
    Task<InsatsSnapshot> Close(CloseInsats command);

    /// <summary>The insats with its narrative milestones, stated totals and plan years.</summary>
    Task<InsatsSnapshot> GetSnapshot();

    /// <summary>Records or replaces a narrative milestone (date inside the insats period).</summary>
    Task<InsatsSnapshot> RecordMilestone(RecordNarrativeMilestone command);

    /// <summary>
    /// Records or replaces an information event performed (date inside the insats period); the same as
    /// <see cref="SaveEvent"/> but answers with the insats. The expected version is the event's own.
    /// </summary>
    [AlwaysInterleave]
    Task<InsatsSnapshot> RecordEvent(RecordInformationEvent command);

    /// <summary>
    /// Records or replaces an information event performed (date inside the insats period) in the log of its day
    /// (one grain per day), and answers with the event's own version. Interleaves, so events recorded at
    /// once on one day share that log's next write (group commit); each returns once durable. The insats' version stays.
    /// </summary>
    [AlwaysInterleave]
    Task<EventSnapshot> SaveEvent(RecordInformationEvent command);

    /// <summary>An information event by id with its own version (not <see cref="EventSnapshot.Exists"/> when absent).</summary>
    Task<EventSnapshot> GetEvent(string eventId);

    /// <summary>Removes an information event by id; <paramref name="expectedVersion"/> is the event's own version.</summary>
    Task<InsatsSnapshot> RemoveEvent(string eventId, long? expectedVersion = null, AuditNote? audit = null);

    /// <summary>Records or replaces a placement grant with its use and outcomes.</summary>
    Task<InsatsSnapshot> RecordPlacement(RecordPlacement command);

    /// <summary>
    /// Removes a placement by id; its observations leave the plans at once. <paramref name="expectedVersion"/> is the
    /// insats' version. Removing an absent placement changes nothing.
    /// </summary>
    Task<InsatsSnapshot> RemovePlacement(string placementId, long? expectedVersion = null, AuditNote? audit = null);

    /// <summary>
    /// Removes a narrative milestone by id; its observations leave the plans at once. <paramref name="expectedVersion"/>
    /// is the insats' version. Removing an absent milestone changes nothing.
    /// </summary>
    Task<InsatsSnapshot> RemoveMilestone(string milestoneId, long? expectedVersion = null, AuditNote? audit = null);

    /// <summary>Replaces the insats' own texts as a whole (one version step; unchanged texts change nothing).</summary>
    Task<InsatsSnapshot> SetNarrative(SetInsatsNarrative command);

    /// <summary>Records or replaces a total stated in a source document (checked by the data-quality query).</summary>
    Task<InsatsSnapshot> RecordStatedTotal(RecordStatedTotal command);

    /// <summary>Events with a date in [from, to], oldest first.</summary>
    Task<IReadOnlyList<InformationEvent>> GetEvents(DateOnly from, DateOnly to);

    /// <summary>All placements, by year.</summary>
    Task<IReadOnlyList<Placement>> GetPlacements();
}
