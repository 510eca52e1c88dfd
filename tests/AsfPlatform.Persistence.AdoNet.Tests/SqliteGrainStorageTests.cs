using System.Data.Common;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;

namespace AsfPlatform.Persistence.AdoNet.Tests;

/// <summary>The storage on SQLite: a fresh database file per test.</summary>
public sealed class SqliteGrainStorageTests : AdoNetGrainStorageTests, IDisposable
{
    private readonly List<TempSqliteDatabase> _databases = [new()];

    protected override string Invariant => AdoNetGrainStorageOptions.SqliteInvariant;

    protected override string ConnectionString => _databases[0].ConnectionString;

    protected override DbProviderFactory Factory => SqliteFactory.Instance;

    protected override string PoisonTriggerSql => """
        CREATE TRIGGER poison_insert BEFORE INSERT ON grain_state WHEN NEW.grain_key = 'poison'
        BEGIN SELECT RAISE(ABORT, 'injected fault'); END;
        CREATE TRIGGER poison_update BEFORE UPDATE ON grain_state WHEN NEW.grain_key = 'poison'
        BEGIN SELECT RAISE(ABORT, 'injected fault'); END;
        """;

    protected override string UnreachableConnectionString => "Data Source=/nonexistent-dir/asf.db;Mode=ReadWrite";

    protected override Task<string> FreshDatabaseAsync()
    {
        var database = new TempSqliteDatabase();
        _databases.Add(database);
        return Task.FromResult(database.ConnectionString);
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    [Fact]
    public async Task A_write_survives_closing_and_reopening_the_database_file()
    {
        var storage = NewStorage(track: false);
        var state = NewState(42, "durable");
        await storage.WriteStateAsync(StateName, Grain("k-durable"), state);
        await storage.DisposeAsync();
        _databases[0].ClearPool();

        await using var reopened = NewStorage(track: false);
        var read = NewState();
        await reopened.ReadStateAsync(StateName, Grain("k-durable"), read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task The_database_uses_a_write_ahead_log()
    {
        await NewStorage().InitializeAsync();

        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }
}
