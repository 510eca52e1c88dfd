using Microsoft.Data.Sqlite;

namespace AsfPlatform.TestSupport;

/// <summary>A SQLite database file in a fresh temp directory, deleted (with its WAL files) on dispose.</summary>
public sealed class TempSqliteDatabase : IDisposable
{
    private readonly string _directory;

    /// <summary>Creates the directory; the file itself is created by the first connection.</summary>
    public TempSqliteDatabase(string name = "test")
    {
        _directory = Directory.CreateTempSubdirectory("asf-sqlite-").FullName;
        FilePath = Path.Combine(_directory, name + ".db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ConnectionString;
    }

    /// <summary>Path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Connection string for Microsoft.Data.Sqlite.</summary>
    public string ConnectionString { get; }

    /// <summary>Closes pooled connections to the file (as a process restart would) so it can be reopened or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ClearPool();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still open elsewhere keeps nothing alive on Linux, but don't fail a test over cleanup.
        }
    }
}
