namespace AsfPlatform.Contracts;

/// <summary>
/// The audit entry of one change, carried in the command that makes the change. The grain that stores the change keeps
/// the note in its state's outbox (<see cref="IAuditOutboxState"/>) in the same mutation, and the grain storage inserts
/// the outbox into the audit log in the same database transaction as the state: the change and its entry are stored
/// together or not at all (docs/adr/0004-audit-outbox.md).
/// </summary>
/// <param name="Id">The entry's own id: the audit log stores a note once however often a state carrying it is written.</param>
/// <param name="OccurredAt">When the change was asked for (UTC).</param>
/// <param name="Actor">User name of whoever made the change.</param>
/// <param name="EntityType">Kind of entity, e.g. "kommun", "företag", "insats", "handlingsplan".</param>
/// <param name="EntityId">The entity's path, e.g. "finsam-gavleborg/k2180".</param>
/// <param name="Action">What happened, in the users' words.</param>
/// <param name="BeforeJson">The entity before the change as JSON, or null when it was created.</param>
/// <param name="AfterJson">The entity after the change as JSON, or null when it was removed.</param>
/// <param name="Reason">Why a recorded fact was corrected or removed, as the user gave it.</param>
[GenerateSerializer, Immutable, Alias("asf.AuditNote")]
public sealed record AuditNote(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Actor,
    string EntityType,
    string EntityId,
    string Action,
    string? BeforeJson,
    string? AfterJson,
    string? Reason = null);

/// <summary>
/// A grain state that carries the audit notes of its changes. The storage inserts every note of
/// <see cref="AuditOutbox"/> into the audit log in the transaction that writes the state (idempotently, by
/// <see cref="AuditNote.Id"/>); the grain drops the notes a successful write carried.
/// </summary>
public interface IAuditOutboxState
{
    /// <summary>Notes of changes not yet known to be committed, oldest first.</summary>
    List<AuditNote> AuditOutbox { get; }
}
