using System.Data.Common;
using AsfPlatform.Access.Data;
using Dapper;

namespace AsfPlatform.Access.Audit;

/// <summary>The audit log over the <c>asf_audit_log</c> table (INSERT and SELECT only).</summary>
internal sealed class SqlAuditLog(AccessDatabase database) : IAuditLog, IAsyncDisposable
{
    private readonly AuditGroupCommit _commits = new(database);

    internal const string Columns =
        "sequence AS Sequence, occurred_at AS OccurredAt, actor AS Actor, entity_type AS EntityType, " +
        "entity_id AS EntityId, action AS Action, before_json AS BeforeJson, after_json AS AfterJson, reason AS Reason";

    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        Validate(record); // a bad record fails its caller alone, never the batch it would have joined
        return _commits.AppendAsync(record, cancellationToken);
    }

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    /// <summary>Appends inside a caller's transaction, so a change and its audit entry commit together.</summary>
    internal static Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction? transaction,
        AuditRecord record, CancellationToken cancellationToken) =>
        AppendAsync(connection, transaction, record, AccessDatabase.Now(), cancellationToken);

    /// <summary>Appends with a given time: the current one, or an entry's own when an owner's history is restored.</summary>
    internal static async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction? transaction,
        AuditRecord record, string occurredAt, CancellationToken cancellationToken)
    {
        Validate(record);
        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO asf_audit_log (occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason)
            VALUES (@occurredAt, @Actor, @EntityType, @EntityId, @Action, @BeforeJson, @AfterJson, @Reason)
            RETURNING sequence
            """,
            new { occurredAt, record.Actor, record.EntityType, record.EntityId, record.Action, record.BeforeJson, record.AfterJson, record.Reason },
            transaction, cancellationToken: cancellationToken));
        return new AuditEntry(sequence, AccessDatabase.ParseTime(occurredAt), record.Actor, record.EntityType,
            record.EntityId, record.Action, record.BeforeJson, record.AfterJson, record.Reason);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string entityType, string entityId,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_audit_log WHERE entity_type = @entityType AND entity_id = @entityId ORDER BY sequence",
            new { entityType, entityId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadLatestAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_audit_log ORDER BY sequence DESC LIMIT @count",
            new { count = Math.Clamp(count, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private static void Validate(AuditRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.Actor))
            throw new AccessValidationException("actor", "Ändringen saknar uppgift om vem som gjorde den.");
        if (string.IsNullOrWhiteSpace(record.EntityType) || string.IsNullOrWhiteSpace(record.EntityId))
            throw new AccessValidationException("entity", "Ändringen saknar uppgift om vilken post den gäller.");
        if (string.IsNullOrWhiteSpace(record.Action))
            throw new AccessValidationException("action", "Ändringen saknar uppgift om vad som hände.");
    }

    internal sealed class AuditRow
    {
        public long Sequence { get; init; }
        public string OccurredAt { get; init; } = "";
        public string Actor { get; init; } = "";
        public string EntityType { get; init; } = "";
        public string EntityId { get; init; } = "";
        public string Action { get; init; } = "";
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
        public string? Reason { get; init; }

        public AuditEntry ToEntry() => new(Sequence, AccessDatabase.ParseTime(OccurredAt), Actor, EntityType, EntityId,
            Action, BeforeJson, AfterJson, Reason);
    }
}
