using System.Data.Common;
using Npgsql;

namespace AsfPlatform.Persistence.AdoNet.Dialects;

/// <summary>PostgreSQL through Npgsql. Durability comes from the server (<c>synchronous_commit=on</c>, fsync).</summary>
internal sealed class PostgresDialect : StorageDialect
{
    public static readonly PostgresDialect Instance = new();

    // Arbitrary but fixed: every host of every service takes the same advisory lock while migrating.
    private const long MigrationLockKey = 0x41_53_46_5F_53_54_4F_52; // "ASF_STOR"

    public override string Invariant => AdoNetGrainStorageOptions.PostgresInvariant;

    public override DbProviderFactory Factory => NpgsqlFactory.Instance;

    public override string Int64Type => "BIGINT";

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        // Released at commit or rollback; a second host starting at once waits here and then finds nothing to do.
        => ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey});", cancellationToken, transaction);
}
