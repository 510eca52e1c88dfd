using System.Data.Common;
using System.Globalization;
using AsfPlatform.Persistence.AdoNet.Dialects;

namespace AsfPlatform.Persistence.AdoNet.Migrations;

/// <summary>
/// Brings a database to the newest storage schema. All steps run in one transaction under the dialect's migration
/// lock, so two hosts starting at once apply each step exactly once, and running it again does nothing.
/// </summary>
internal static class SchemaMigrator
{
    public const string SchemaTable = "grain_storage_schema";

    /// <summary>Applies the missing migrations and returns the schema version the database is at.</summary>
    public static async Task<int> MigrateAsync(DbConnection connection, StorageDialect dialect, CancellationToken cancellationToken)
    {
        await dialect.PrepareDatabaseAsync(connection, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken);

        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {SchemaTable} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_utc TEXT NOT NULL);",
            cancellationToken);

        var applied = await AppliedVersionsAsync(connection, transaction, cancellationToken);
        foreach (var migration in StorageMigrations.All.OrderBy(m => m.Version))
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql(dialect), cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {SchemaTable} (version, description, applied_utc) VALUES (@version, @description, @applied);";
            AddParameter(record, "version", migration.Version);
            AddParameter(record, "description", migration.Description);
            AddParameter(record, "applied", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied.Count == 0 ? 0 : applied.Max();
    }

    /// <summary>The versions recorded in the schema table (empty when the table doesn't exist yet).</summary>
    public static async Task<SortedSet<int>> AppliedVersionsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version FROM {SchemaTable};";
        var versions = new SortedSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
