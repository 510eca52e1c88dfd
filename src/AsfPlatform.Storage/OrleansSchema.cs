using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Storage;

/// <summary>
/// Creates and upgrades the tables and <c>OrleansQuery</c> rows that Orleans' ADO.NET providers need: grain storage on
/// SQLite and PostgreSQL, membership (clustering) on PostgreSQL. Orleans 10.4.2 ships no scripts, so these are ours.
/// </summary>
/// <remarks>
/// The SQL lives in embedded files <c>Sql/{Sqlite|PostgreSql}/NNN-name.sql</c>; file NNN is migration NNN. The
/// database records the migrations it has in <see cref="VersionTable"/> (one row, component <see cref="Component"/>).
/// </remarks>
public sealed class OrleansSchema
{
    /// <summary>The newest migration this build knows; a database that <see cref="EnsureAsync"/> has run on is at it.</summary>
    public const int CurrentVersion = 4;

    /// <summary>The table holding one row per schema component and the migration it is at.</summary>
    public const string VersionTable = "asf_schema_version";

    /// <summary>This schema's row in <see cref="VersionTable"/>.</summary>
    public const string Component = "orleans";

    // Any fixed number shared by every process that migrates: it only has to differ from other advisory locks in use.
    private const long PostgresLockKey = 0x4153_465F_4F52_4C4E; // "ASF_ORLN"

    private static readonly Lazy<IReadOnlyList<Migration>> SqliteMigrations = new(() => Migration.Load("Sqlite"));
    private static readonly Lazy<IReadOnlyList<Migration>> PostgresMigrations = new(() => Migration.Load("PostgreSql"));

    private OrleansSchema()
    {
    }

    /// <summary>
    /// Brings the database to <see cref="CurrentVersion"/>: applies the migrations it lacks in one transaction under a
    /// lock (SQLite <c>BEGIN IMMEDIATE</c>, PostgreSQL <c>pg_advisory_xact_lock</c>), so two processes calling it at
    /// once apply each migration once, and calling it again changes nothing. On SQLite it also sets
    /// <c>journal_mode=WAL</c>, which the database file keeps.
    /// </summary>
    /// <param name="invariant"><see cref="AdoNetInvariants.Sqlite"/> or <see cref="AdoNetInvariants.PostgreSql"/>.</param>
    /// <param name="connectionString">The same connection string the Orleans providers get; the database must exist
    /// (SQLite creates the file).</param>
    /// <param name="cancellationToken">Stops waiting for the lock or the database.</param>
    /// <exception cref="ArgumentException">The invariant is not one of <see cref="AdoNetInvariants"/>.</exception>
    /// <exception cref="InvalidOperationException">The database is at a newer version than this build knows.</exception>
    public static Task EnsureAsync(string invariant, string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invariant);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return invariant switch
        {
            AdoNetInvariants.Sqlite => EnsureSqliteAsync(connectionString, cancellationToken),
            AdoNetInvariants.PostgreSql => EnsurePostgresAsync(connectionString, cancellationToken),
            _ => throw new ArgumentException(
                $"Unsupported ADO.NET invariant '{invariant}'. Use AdoNetInvariants.Sqlite (\"{AdoNetInvariants.Sqlite}\") " +
                $"or AdoNetInvariants.PostgreSql (\"{AdoNetInvariants.PostgreSql}\").", nameof(invariant)),
        };
    }

    /// <summary>The migrations shipped for a dialect, in order; for tests and diagnostics.</summary>
    internal static IReadOnlyList<Migration> MigrationsFor(string invariant) => invariant switch
    {
        AdoNetInvariants.Sqlite => SqliteMigrations.Value,
        AdoNetInvariants.PostgreSql => PostgresMigrations.Value,
        _ => throw new ArgumentException($"Unsupported ADO.NET invariant '{invariant}'.", nameof(invariant)),
    };

    private static async Task EnsureSqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var migrations = SqliteMigrations.Value;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Another process may hold the write lock while it migrates: wait for it inside SQLite rather than in
        // Microsoft.Data.Sqlite's 150 ms sleeps (which also give up after the command timeout).
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 60_000);

        // Outside the transaction: SQLite cannot change the journal mode inside one. The file keeps the mode.
        var mode = await ScalarAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(Convert.ToString(mode, CultureInfo.InvariantCulture), "wal", StringComparison.OrdinalIgnoreCase)
            && !IsInMemory(connection))
        {
            throw new InvalidOperationException($"SQLite refused journal_mode=WAL (it reports '{mode}') for '{connection.DataSource}'.");
        }

        // BEGIN IMMEDIATE takes the write lock before reading the version, so a second process waits here and then
        // sees the first one's work instead of repeating it.
        await ExecuteAsync(connection, null, "BEGIN IMMEDIATE;", cancellationToken).ConfigureAwait(false);
        try
        {
            await MigrateAsync(connection, null, migrations, "CURRENT_TIMESTAMP", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "COMMIT;", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ExecuteAsync(connection, null, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task EnsurePostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var migrations = PostgresMigrations.Value;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Held until commit or rollback. Without it two processes both see "table missing" and the second CREATE TABLE
        // IF NOT EXISTS fails on the catalog's unique index.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey});", cancellationToken).ConfigureAwait(false);
        await MigrateAsync(connection, transaction, migrations, "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task MigrateAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Migration> migrations,
        string nowSql, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {VersionTable} (component VARCHAR(64) NOT NULL PRIMARY KEY, version INTEGER NOT NULL, updated_utc VARCHAR(32) NOT NULL);",
            cancellationToken).ConfigureAwait(false);

        var stored = await ScalarAsync(connection, transaction,
            $"SELECT version FROM {VersionTable} WHERE component = '{Component}';", cancellationToken).ConfigureAwait(false);
        var current = stored is null or DBNull ? 0 : Convert.ToInt32(stored, CultureInfo.InvariantCulture);
        if (current > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database's Orleans schema is at version {current}, newer than this build's {CurrentVersion}. " +
                "Run a newer AsfPlatform against it, or restore a backup taken before the upgrade.");
        }

        if (current == CurrentVersion)
        {
            return;
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction,
            $"INSERT INTO {VersionTable} (component, version, updated_utc) VALUES ('{Component}', {CurrentVersion}, {nowSql}) " +
            $"ON CONFLICT (component) DO UPDATE SET version = excluded.version, updated_utc = excluded.updated_utc;",
            cancellationToken).ConfigureAwait(false);
    }

    private static bool IsInMemory(SqliteConnection connection)
        => connection.DataSource is "" or ":memory:" || connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One embedded migration file.</summary>
    /// <param name="Version">The number its file name starts with.</param>
    /// <param name="Name">The file name.</param>
    /// <param name="Sql">The file's text.</param>
    internal sealed record Migration(int Version, string Name, string Sql)
    {
        private const string ResourcePrefix = "AsfPlatform.Storage.Sql.";

        /// <summary>Reads a dialect's files and checks there is exactly one per version from 1 to <see cref="CurrentVersion"/>.</summary>
        public static IReadOnlyList<Migration> Load(string dialectFolder)
        {
            var assembly = typeof(OrleansSchema).Assembly;
            var prefix = ResourcePrefix + dialectFolder + ".";
            var migrations = new List<Migration>();
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var name = resource[prefix.Length..];
                var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length == 0 || !name.EndsWith(".sql", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Embedded SQL '{resource}' is not named NNN-name.sql.");
                }

                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                migrations.Add(new Migration(int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
            }

            migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
            var versions = migrations.Select(m => m.Version).ToArray();
            if (!versions.SequenceEqual(Enumerable.Range(1, CurrentVersion)))
            {
                throw new InvalidOperationException(
                    $"The {dialectFolder} migrations are [{string.Join(", ", versions)}]; expected one file for each of 1..{CurrentVersion}.");
            }

            return migrations;
        }
    }
}
