using System.Data.Common;
using Dapper;

namespace AsfPlatform.Access.Data;

/// <summary>
/// The access revision: one counter in the database, raised in the same transaction as every change that can end
/// an authentication (a token revoked, an account disabled or changed, a new password). A host caches token
/// authentications under the revision it read before the lookup and reuses them only while the revision is unchanged,
/// so a change committed through any host (or the asf command) is seen by every host on its very next request, for
/// the price of one primary-key read.
/// </summary>
internal static class AccessRevision
{
    public static Task<long> ReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT revision FROM asf_access_revision WHERE id = 1", cancellationToken: cancellationToken));

    public static Task RaiseAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE asf_access_revision SET revision = revision + 1 WHERE id = 1", transaction: transaction,
            cancellationToken: cancellationToken));
}
