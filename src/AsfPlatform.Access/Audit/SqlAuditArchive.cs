using AsfPlatform.Access.Data;
using Dapper;

namespace AsfPlatform.Access.Audit;

/// <summary>
/// An owner's whole history in the <c>asf_audit_log</c> table, for backup and restore (INSERT and SELECT only, as the
/// log itself). Apart from <see cref="SqlAuditLog"/>, whose group commit stamps every entry with the time it is written.
/// </summary>
internal sealed class SqlAuditArchive(AccessDatabase database) : IAuditArchive
{
    private const string Columns = SqlAuditLog.Columns;

    public async Task<IReadOnlyList<AuditEntry>> ReadOwnerAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The prefix is compared with substr, not LIKE, so an owner id's "_" or "%" matches only itself.
        var rows = await connection.QueryAsync<SqlAuditLog.AuditRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_audit_log WHERE entity_id = @ownerId OR substr(entity_id, 1, @length) = @prefix ORDER BY sequence",
            new { ownerId, prefix = ownerId + "/", length = ownerId.Length + 1 }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task ImportAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var e in entries)
            await SqlAuditLog.AppendAsync(connection, transaction,
                new AuditRecord(e.Actor, e.EntityType, e.EntityId, e.Action, e.BeforeJson, e.AfterJson, e.Reason),
                AccessDatabase.Format(e.OccurredAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
