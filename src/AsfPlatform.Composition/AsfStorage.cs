using AsfPlatform.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AsfPlatform.Composition;

/// <summary>
/// The one database that holds grain state, accounts and the audit log. Resolved from the configuration keys
/// <c>Storage:Provider</c> (Sqlite | PostgreSql), <c>Storage:ConnectionString</c>, <c>Storage:DataDirectory</c> and
/// <c>ASF_DATA_DIR</c>; see <see cref="AsfDataDirectory"/> for the default folder.
/// </summary>
public sealed record AsfStorage(bool IsPostgres, string ConnectionString)
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The default SQLite file name inside the data folder.</summary>
    public const string DefaultFileName = "asf.db";

    /// <summary>The ADO.NET invariant Orleans' providers load the driver by (<see cref="AdoNetInvariants"/>).</summary>
    public string OrleansInvariant => IsPostgres ? AdoNetInvariants.PostgreSql : AdoNetInvariants.Sqlite;

    /// <summary>Points the access module (accounts, tokens, audit log) at this database.</summary>
    public void ApplyTo(AsfPlatform.Access.AccessStorageOptions options)
    {
        options.Invariant = IsPostgres ? AsfPlatform.Access.AccessStorageOptions.PostgresInvariant : AsfPlatform.Access.AccessStorageOptions.SqliteInvariant;
        options.ConnectionString = ConnectionString;
    }

    /// <summary>"Sqlite" or "PostgreSql".</summary>
    public string Provider => IsPostgres ? "PostgreSql" : "Sqlite";

    /// <summary>The SQLite file (full path), or null for PostgreSQL and in-memory databases.</summary>
    public string? SqliteFile => IsPostgres ? null
        : new SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } file && file != ":memory:" ? file : null;

    /// <summary>A description for logs and messages that never contains a password.</summary>
    public string Describe() => IsPostgres
        ? $"PostgreSql ({new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString})"
        : $"Sqlite ({new SqliteConnectionStringBuilder(ConnectionString).DataSource})";

    /// <summary>Creates the SQLite file's folder (a fresh clone has no .asf/ yet); SQLite creates only the file.</summary>
    public AsfStorage EnsureFolder()
    {
        if (SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        return this;
    }

    /// <summary>A SQLite database in a file.</summary>
    public static AsfStorage Sqlite(string file) =>
        new(false, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file) }.ConnectionString);

    /// <summary>A PostgreSQL database.</summary>
    public static AsfStorage PostgreSql(string connectionString) => new(true, CheckPostgres(connectionString, "Storage:ConnectionString"));

    /// <summary>
    /// Reads the storage from configuration. Relative SQLite paths are taken relative to
    /// <paramref name="workingDirectory"/>. Throws <see cref="StorageConfigurationException"/> naming the key that is
    /// wrong, because a host on the wrong database must not start.
    /// </summary>
    public static AsfStorage Resolve(IConfiguration configuration, string workingDirectory)
    {
        var section = configuration.GetSection(SectionName);
        var provider = section["Provider"];
        var connectionString = section["ConnectionString"];
        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new StorageConfigurationException("Storage:ConnectionString", "krävs när Storage:Provider är PostgreSql.");
            return new(true, CheckPostgres(connectionString, "Storage:ConnectionString"));
        }
        if (!string.IsNullOrWhiteSpace(provider) && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new StorageConfigurationException("Storage:Provider", $"\"{provider}\" stöds inte; använd Sqlite eller PostgreSql.");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new(false, SqliteConnection(connectionString, workingDirectory, "Storage:ConnectionString"));

        var folder = section["DataDirectory"] is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured, workingDirectory)
            : AsfDataDirectory.Resolve(configuration, workingDirectory);
        return Sqlite(Path.Combine(folder, DefaultFileName));
    }

    /// <summary>A SQLite file or connection string given by a user, relative to <paramref name="workingDirectory"/>.</summary>
    public static string SqliteConnection(string value, string workingDirectory, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new StorageConfigurationException(key, "ange en SQLite-fil, t.ex. ./data/asf.db.");
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = value.Contains('=') ? new SqliteConnectionStringBuilder(value) : new SqliteConnectionStringBuilder { DataSource = value };
        }
        catch (ArgumentException ex)
        {
            throw new StorageConfigurationException(key, $"ogiltig SQLite-anslutning ({ex.Message}).");
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new StorageConfigurationException(key, "anslutningen saknar Data Source (SQLite-filen).");
        if (builder.DataSource != ":memory:")
            builder.DataSource = Path.GetFullPath(builder.DataSource, workingDirectory);
        return builder.ConnectionString;
    }

    /// <summary>Checks a PostgreSQL connection string given by a user.</summary>
    public static string CheckPostgres(string value, string key)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new StorageConfigurationException(key, "anslutningen saknar Host, t.ex. \"Host=localhost;Database=asf;Username=asf;Password=…\".");
            if (builder.MaxAutoPrepare > 0 || value.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) return value;
            // Orleans' ADO.NET providers and the access module send the same few statements over and over: Npgsql
            // prepares one once it has been used twice on a connection, so PostgreSQL stops parsing and planning it
            // again. Every write takes a pooled connection, and resetting one cost seven statements each time: the
            // platform sets no session state (its one session-level advisory lock is released where it is taken), so
            // nothing needs resetting.
            // Measured in docs/BENCHMARKS.md ("Load after the plan and event fixes").
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
            builder.NoResetOnClose = true;
            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new StorageConfigurationException(key, $"ogiltig PostgreSQL-anslutning ({ex.Message}).");
        }
    }
}

/// <summary>A storage setting is wrong; the message (Swedish) names the key and the reason.</summary>
public sealed class StorageConfigurationException(string key, string reason) : InvalidOperationException($"{key}: {reason}")
{
    /// <summary>The configuration key or option at fault.</summary>
    public string Key { get; } = key;

    /// <summary>Why, in Swedish.</summary>
    public string Reason { get; } = reason;
}
