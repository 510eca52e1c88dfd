using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Host.Tests;

/// <summary>The audit log's reason column: added to a log created before it existed, old rows read with none.</summary>
public sealed class AuditReasonTests
{
    // The audit table as it was before the reason column.
    internal const string OldAuditTable = """
        CREATE TABLE asf_audit_log (
            sequence     {0},
            occurred_at  TEXT NOT NULL,
            actor        TEXT NOT NULL,
            entity_type  TEXT NOT NULL,
            entity_id    TEXT NOT NULL,
            action       TEXT NOT NULL,
            before_json  TEXT NULL,
            after_json   TEXT NULL
        );
        INSERT INTO asf_audit_log (occurred_at, actor, entity_type, entity_id, action, before_json, after_json)
        VALUES ('2024-01-01T00:00:00.0000000Z', 'admin', 'insats', 'o/i', 'placering registrerad: p1', NULL, '[]');
        """;

    internal static async Task ReasonRoundTripsAndTheOldRowHasNoneAsync(ServiceProvider services)
    {
        var audit = services.GetRequiredService<IAuditLog>();

        var appended = await audit.AppendAsync(new AuditRecord("admin", "insats", "o/i", "placering borttagen: p1", "{}", null,
            "Dubbelregistrerad"));

        var history = await audit.ReadAsync("insats", "o/i");
        Assert.Equal([null, "Dubbelregistrerad"], history.Select(e => e.Reason));
        Assert.Equal(appended, history[1]);
        Assert.Equal("Dubbelregistrerad", (await audit.ReadLatestAsync(1))[0].Reason);
    }

    [Fact]
    public async Task On_SQLite_a_log_from_before_the_reason_column_gets_it_and_keeps_its_rows()
    {
        using var database = new TempSqliteDatabase("reason");
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(OldAuditTable, "INTEGER PRIMARY KEY AUTOINCREMENT");
            await command.ExecuteNonQueryAsync();
        }
        await using var services = new ServiceCollection().AddAsfAccess(o =>
        {
            o.Invariant = AccessStorageOptions.SqliteInvariant;
            o.ConnectionString = database.ConnectionString;
        }).BuildServiceProvider();

        await ReasonRoundTripsAndTheOldRowHasNoneAsync(services);
        database.ClearPool();
    }
}

/// <summary>The same on PostgreSQL.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class AuditReasonOnPostgresTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task On_PostgreSQL_a_log_from_before_the_reason_column_gets_it_and_keeps_its_rows()
    {
        var connectionString = await postgres.CreateDatabaseAsync($"reason_{Guid.NewGuid():N}"[..20]);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                string.Format(AuditReasonTests.OldAuditTable, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"), connection);
            await command.ExecuteNonQueryAsync();
        }
        await using var services = new ServiceCollection().AddAsfAccess(o =>
        {
            o.Invariant = AccessStorageOptions.PostgresInvariant;
            o.ConnectionString = connectionString;
        }).BuildServiceProvider();

        await AuditReasonTests.ReasonRoundTripsAndTheOldRowHasNoneAsync(services);
    }
}
