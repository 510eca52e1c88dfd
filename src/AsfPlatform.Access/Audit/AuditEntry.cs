namespace AsfPlatform.Access;

/// <summary>One accepted change, as stored append-only in the audit log.</summary>
/// <param name="Sequence">Position in the log (ascending, assigned by the database).</param>
/// <param name="OccurredAt">When the change was accepted (UTC).</param>
/// <param name="Actor">User name of whoever made the change (or "system", "cli:...").</param>
/// <param name="EntityType">Kind of entity, e.g. "kommun", "företag", "användare".</param>
/// <param name="EntityId">The entity's key, e.g. "k2180".</param>
/// <param name="Action">What happened, e.g. "skapad", "ändrad".</param>
/// <param name="BeforeJson">The entity before the change as JSON, or null when it was created.</param>
/// <param name="AfterJson">The entity after the change as JSON, or null when it was removed.</param>
/// <param name="Reason">Why a recorded fact was corrected or removed, as the user gave it; null for other changes and
/// for entries stored before the column existed.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string EntityType,
    string EntityId,
    string Action,
    string? BeforeJson,
    string? AfterJson,
    string? Reason = null);

/// <summary>A change to record; the log assigns sequence and time. <paramref name="Reason"/>: why a fact was corrected
/// or removed.</summary>
public sealed record AuditRecord(
    string Actor,
    string EntityType,
    string EntityId,
    string Action,
    string? BeforeJson,
    string? AfterJson,
    string? Reason = null);

/// <summary>
/// The append-only audit log: who changed which entity when, with the state before and after. Rows are never
/// updated or deleted (the schema's triggers refuse it).
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one entry and returns it as stored.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The history of one entity, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string entityType, string entityId, CancellationToken cancellationToken = default);

    /// <summary>The most recent entries over all entities, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadLatestAsync(int count, CancellationToken cancellationToken = default);
}
