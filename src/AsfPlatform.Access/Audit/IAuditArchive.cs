namespace AsfPlatform.Access;

/// <summary>
/// The audit log as a whole owner's history, for backup and restore: reads every entry of one owner and writes such
/// entries back with their original time and actor. Separate from <see cref="IAuditLog"/>, which only appends what
/// happens now, so no ordinary write can back-date an entry.
/// </summary>
public interface IAuditArchive
{
    /// <summary>
    /// Every entry about the owner <paramref name="ownerId"/> (entity id "owner" or "owner/…", as the domain writer
    /// names things), oldest first.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ReadOwnerAsync(string ownerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="entries"/> in their order, each with its own time, in one transaction: all are stored or
    /// none. Their sequence numbers are the log's new ones (sequences are the installation's, not the owner's).
    /// </summary>
    Task ImportAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);
}
