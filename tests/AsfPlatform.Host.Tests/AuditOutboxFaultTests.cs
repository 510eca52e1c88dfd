using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// A change and its audit entry are stored together or not at all (docs/adr/0004-audit-outbox.md), proved by making the
/// real database refuse one of them: a trigger fails the grain state's write, or the audit log's insert. The caller is
/// not told "stored", neither the change nor its entry is there afterwards, and the next write stores both once.
/// </summary>
public abstract class AuditOutboxFaultTests
{
    private const string Company = WriteEndpoint.Company;
    private const string AuditPath = "finsam-gavleborg/company/asf-gladjeverket";

    protected abstract AsfHostFactory Factory { get; }

    protected abstract DbConnection Connect();

    /// <summary>SQL that makes every write of a company's grain state fail, and SQL that undoes it.</summary>
    protected abstract (string Inject, string Remove) StateWriteFault { get; }

    /// <summary>SQL that makes every insert of an audit note fail, and SQL that undoes it.</summary>
    protected abstract (string Inject, string Remove) AuditInsertFault { get; }

    [Fact]
    public Task When_the_grain_state_write_fails_neither_the_change_nor_its_audit_entry_is_stored() => RefusedAsync(StateWriteFault);

    [Fact]
    public Task When_the_audit_insert_fails_the_change_is_not_stored_either() => RefusedAsync(AuditInsertFault);

    private async Task RefusedAsync((string Inject, string Remove) fault)
    {
        await Factory.EnsureAdminAsync();
        var client = await Factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var audit = Factory.Services.GetRequiredService<IAuditLog>();
        var date = await WriteEndpoint.FreeFiguresDateAsync(client);
        var before = await client.GetAsync(Company);
        var entriesBefore = (await audit.ReadAsync("företag", AuditPath)).Count;
        var notesBefore = await CountNotesAsync();

        await ExecuteAsync(fault.Inject);
        HttpResponseMessage refused;
        try
        {
            refused = await PutFiguresAsync(client, date, 11, before.Headers.ETag!.Tag);
        }
        finally
        {
            await ExecuteAsync(fault.Remove);
        }

        Assert.False(refused.IsSuccessStatusCode, $"answered {(int)refused.StatusCode} although the database refused the write");
        var after = await client.GetAsync(Company);
        Assert.DoesNotContain(date, await after.Content.ReadAsStringAsync());
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(entriesBefore, (await audit.ReadAsync("företag", AuditPath)).Count);
        Assert.Equal(notesBefore, await CountNotesAsync());

        // The grain reloads what is stored: the refused change's note is gone with it, and the next change is stored with
        // exactly one entry of its own.
        var stored = await PutFiguresAsync(client, date, 12, after.Headers.ETag!.Tag);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        var history = await audit.ReadAsync("företag", AuditPath);
        var entry = Assert.Single(history.Skip(entriesBefore));
        Assert.Equal($"siffror registrerade per {date}", entry.Action);
        Assert.Equal(12, JsonDocument.Parse(entry.AfterJson!).RootElement.GetProperty("employedWomen").GetInt32());
        Assert.Equal(notesBefore + 1, await CountNotesAsync());
    }

    private static async Task<HttpResponseMessage> PutFiguresAsync(HttpClient client, string date, int employedWomen, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Company + "/figures")
        {
            Content = JsonContent.Create(new
            {
                date, employedWomen, employedMen = 3, participantsAf = 1, participantsMunicipality = 1, participantsOther = 0,
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private async Task<long> CountNotesAsync()
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM asf_audit_log WHERE entry_id IS NOT NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>On the embedded default: SQLite and its group-commit grain storage.</summary>
public sealed class AuditOutboxFaultOnSqliteTests(DatasetHostFactory factory) : AuditOutboxFaultTests, IClassFixture<DatasetHostFactory>
{
    protected override AsfHostFactory Factory => factory;

    protected override DbConnection Connect() => new SqliteConnection(factory.ConnectionString);

    protected override (string, string) StateWriteFault => (
        "CREATE TRIGGER injected_state_fault BEFORE UPDATE ON asf_grain_state WHEN NEW.state_name = 'company' " +
        "BEGIN SELECT RAISE(ABORT, 'injicerat fel i grain-tillståndet'); END;",
        "DROP TRIGGER injected_state_fault;");

    protected override (string, string) AuditInsertFault => (
        "CREATE TRIGGER injected_audit_fault BEFORE INSERT ON asf_audit_log WHEN NEW.entry_id IS NOT NULL " +
        "BEGIN SELECT RAISE(ABORT, 'injicerat fel i granskningsloggen'); END;",
        "DROP TRIGGER injected_audit_fault;");
}

/// <summary>On PostgreSQL: Orleans' ADO.NET storage with the platform's write query.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class AuditOutboxFaultOnPostgresTests(PostgresServerFixture postgres) : AuditOutboxFaultTests, IAsyncLifetime
{
    private PostgresHostFactory _factory = null!;
    private string _connectionString = "";

    protected override AsfHostFactory Factory => _factory;

    protected override DbConnection Connect() => new NpgsqlConnection(_connectionString);

    private const string FaultFunction =
        "CREATE OR REPLACE FUNCTION injected_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injicerat fel'; END $$;";

    protected override (string, string) StateWriteFault => (
        FaultFunction + "CREATE TRIGGER injected_state_fault BEFORE UPDATE ON OrleansStorage FOR EACH ROW " +
        "WHEN (NEW.GrainTypeString = 'company') EXECUTE FUNCTION injected_fault();",
        "DROP TRIGGER injected_state_fault ON OrleansStorage;");

    protected override (string, string) AuditInsertFault => (
        FaultFunction + "CREATE TRIGGER injected_audit_fault BEFORE INSERT ON asf_audit_log FOR EACH ROW " +
        "WHEN (NEW.entry_id IS NOT NULL) EXECUTE FUNCTION injected_fault();",
        "DROP TRIGGER injected_audit_fault ON asf_audit_log;");

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync($"outbox_{Guid.NewGuid():N}"[..20]);
        _factory = new PostgresHostFactory(_connectionString, loadDataset: true);
        _ = _factory.Services; // starts the host and loads the dataset
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
