using AsfPlatform.Access.Data;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Access;

/// <summary>
/// The audit log's table as the grain storage writes it: the storage inserts the notes of a grain state's outbox into
/// <c>asf_audit_log</c> in the transaction that writes the state (docs/adr/0004-audit-outbox.md), so the table and its
/// <c>entry_id</c> index must exist before the first grain write, not only when the access module first opens it.
/// </summary>
public static class AuditLogSchema
{
    /// <summary>Creates or upgrades the access tables (the audit log among them) on the given database.</summary>
    /// <param name="postgres">PostgreSQL (Npgsql) rather than SQLite.</param>
    /// <param name="connectionString">The database's connection string.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task EnsureAsync(bool postgres, string connectionString, CancellationToken cancellationToken = default)
    {
        var database = new AccessDatabase(Options.Create(new AccessStorageOptions
        {
            Invariant = postgres ? AccessStorageOptions.PostgresInvariant : AccessStorageOptions.SqliteInvariant,
            ConnectionString = connectionString,
        }));
        await using var connection = await database.OpenAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite: inserts one note (parameters <c>$entry_id</c>, <c>$occurred_at</c>, <c>$actor</c>, <c>$entity_type</c>,
    /// <c>$entity_id</c>, <c>$action</c>, <c>$before_json</c>, <c>$after_json</c>, <c>$reason</c>), nothing when the
    /// note is stored already.
    /// </summary>
    public const string SqliteInsertNote =
        "INSERT INTO asf_audit_log (entry_id, occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason) " +
        "VALUES ($entry_id, $occurred_at, $actor, $entity_type, $entity_id, $action, $before_json, $after_json, $reason) " +
        "ON CONFLICT DO NOTHING";

    /// <summary>A time as the audit log stores it (ISO-8601 UTC text, seven fractional digits).</summary>
    public static string FormatTime(DateTimeOffset time) => AccessDatabase.Format(time);
}
