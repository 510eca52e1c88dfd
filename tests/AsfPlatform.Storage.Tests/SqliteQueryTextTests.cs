using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;

namespace AsfPlatform.Storage.Tests;

/// <summary>Why SQLite's busy timeout is set by <see cref="SqliteBusyTimeoutDataSource"/> and not in the query texts.</summary>
public sealed class SqliteQueryTextTests
{
    [Fact]
    public async Task A_busy_timeout_pragma_at_the_head_of_a_query_text_comes_back_as_an_extra_result_row()
    {
        using var database = new TempSqliteDatabase("pragma");
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; SELECT 1 AS NewGrainStateVersion;";

        // Orleans' RelationalStorage hands every row of every result set to its reader; the pragma's row has no
        // NewGrainStateVersion column, so the provider's read of it would fail.
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            do
            {
                while (await reader.ReadAsync())
                {
                    rows.Add(reader.GetName(0));
                }
            }
            while (await reader.NextResultAsync());
        }

        Assert.Equal(["timeout", "NewGrainStateVersion"], rows);
    }

    [Fact]
    public async Task Connections_from_the_data_source_wait_inside_SQLite_for_a_locked_database()
    {
        using var database = new TempSqliteDatabase("busy");
        await OrleansSchema.EnsureAsync(AdoNetInvariants.Sqlite, database.ConnectionString);
        await using var dataSource = new SqliteBusyTimeoutDataSource(database.ConnectionString, TimeSpan.FromSeconds(7));

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Assert.Equal(7000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task With_one_connection_at_a_time_the_next_open_waits_until_the_open_connection_closes()
    {
        using var database = new TempSqliteDatabase("line");
        await using var dataSource = new SqliteBusyTimeoutDataSource(database.ConnectionString, oneConnectionAtATime: true);

        var first = await dataSource.OpenConnectionAsync();
        var second = dataSource.OpenConnectionAsync().AsTask();
        await Task.Delay(200);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var opened = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(System.Data.ConnectionState.Open, opened.State);
    }
}
