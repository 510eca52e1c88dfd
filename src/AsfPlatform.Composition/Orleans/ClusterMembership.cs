using Npgsql;

namespace AsfPlatform.Composition.Orleans;

/// <summary>What the PostgreSQL membership table says about the platform's cluster.</summary>
public static class ClusterMembership
{
    // Orleans' SiloStatus.Active.
    private const int Active = 3;

    /// <summary>
    /// Whether a silo of the cluster is marked active and has said it is alive within <paramref name="within"/>
    /// (default 15 minutes: Orleans refreshes the mark every few minutes, so a silo killed a moment ago still looks
    /// alive; a client that then cannot connect falls back to a silo of its own).
    /// </summary>
    public static async Task<bool> HasLiveSiloAsync(AsfStorage storage, CancellationToken cancellationToken, TimeSpan? within = null)
    {
        if (!storage.IsPostgres) return false;
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true) return false;
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = @active AND IAmAliveTime > now() - @within",
            connection);
        command.Parameters.AddWithValue("cluster", AsfCluster.ServiceId);
        command.Parameters.AddWithValue("active", Active);
        command.Parameters.AddWithValue("within", within ?? TimeSpan.FromMinutes(15));
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L) > 0;
    }
}
