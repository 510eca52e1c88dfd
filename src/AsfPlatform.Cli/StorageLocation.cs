using AsfPlatform.Persistence.AdoNet;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AsfPlatform.Cli;

/// <summary>
/// The database asf works on. Resolved exactly like the web host's <c>Storage</c> section (same keys, same default
/// file <c>.asf/asf.db</c> under the working directory or <c>ASF_DATA_DIR</c>), so <c>asf</c> and the host share
/// data; <c>--database</c> and <c>--postgres</c> override it for one run.
/// </summary>
public sealed record StorageLocation(bool IsPostgres, string ConnectionString)
{
    /// <summary>The ADO.NET invariant of the grain storage and the access module.</summary>
    public string Invariant => IsPostgres ? AdoNetGrainStorageOptions.PostgresInvariant : AdoNetGrainStorageOptions.SqliteInvariant;

    /// <summary>Where the data is, for messages; never contains a password.</summary>
    public string Describe() => IsPostgres
        ? $"PostgreSQL ({new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString})"
        : $"SQLite ({new SqliteConnectionStringBuilder(ConnectionString).DataSource})";

    /// <summary>Creates the SQLite file's folder (e.g. a fresh clone's .asf/); SQLite creates only the file.</summary>
    public void EnsureFolder()
    {
        if (IsPostgres)
            return;
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// Resolves the location: <paramref name="postgres"/> (a connection string), else <paramref name="database"/>
    /// (a SQLite file or connection string), else the configuration keys <c>Storage:Provider</c>,
    /// <c>Storage:ConnectionString</c>, <c>Storage:DataDirectory</c> and <c>ASF_DATA_DIR</c>.
    /// </summary>
    public static StorageLocation Resolve(string? database, string? postgres, IConfiguration configuration, string workingDirectory)
    {
        if (database is not null && postgres is not null)
            throw CliException.Option("--database/--postgres", "ange bara ett av dem (SQLite-fil eller PostgreSQL-anslutning).");
        if (postgres is not null)
            return new(true, CheckPostgres(postgres, "--postgres"));
        if (database is not null)
            return new(false, SqliteConnection(database, workingDirectory, "--database"));

        var provider = configuration["Storage:Provider"];
        var connectionString = configuration["Storage:ConnectionString"];
        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw CliException.Option("Storage:ConnectionString", "krävs när Storage:Provider är PostgreSql (sätt miljövariabeln Storage__ConnectionString eller använd --postgres).");
            return new(true, CheckPostgres(connectionString, "Storage:ConnectionString"));
        }
        if (!string.IsNullOrWhiteSpace(provider) && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw CliException.Option("Storage:Provider", $"\"{provider}\" stöds inte; använd Sqlite eller PostgreSql.");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new(false, SqliteConnection(connectionString, workingDirectory, "Storage:ConnectionString"));

        var folder = new[] { configuration["Storage:DataDirectory"], configuration["ASF_DATA_DIR"] }
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? ".asf";
        var path = Path.Combine(Path.GetFullPath(Path.Combine(workingDirectory, folder)), "asf.db");
        return new(false, new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString);
    }

    private static string SqliteConnection(string value, string workingDirectory, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw CliException.Option(option, "ange en SQLite-fil, t.ex. ./data/asf.db.");
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = value.Contains('=') ? new SqliteConnectionStringBuilder(value) : new SqliteConnectionStringBuilder { DataSource = value };
        }
        catch (ArgumentException ex)
        {
            throw CliException.Option(option, $"ogiltig SQLite-anslutning ({ex.Message}).");
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw CliException.Option(option, "anslutningen saknar Data Source (SQLite-filen).");
        if (builder.DataSource != ":memory:")
            builder.DataSource = Path.GetFullPath(Path.Combine(workingDirectory, builder.DataSource));
        return builder.ConnectionString;
    }

    private static string CheckPostgres(string value, string option)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw CliException.Option(option, "anslutningen saknar Host, t.ex. \"Host=localhost;Database=asf;Username=asf;Password=…\".");
            return value;
        }
        catch (ArgumentException ex)
        {
            throw CliException.Option(option, $"ogiltig PostgreSQL-anslutning ({ex.Message}).");
        }
    }
}
