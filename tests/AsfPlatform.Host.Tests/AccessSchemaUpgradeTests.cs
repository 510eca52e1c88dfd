using System.Data.Common;
using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The account table of an installed database (created before accounts had an owner and a temporary-password flag)
/// gains the new columns on the next start, on SQLite and PostgreSQL alike, and its accounts keep working as
/// installation-wide accounts.
/// </summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class AccessSchemaUpgradeTests(PostgresServerFixture postgres)
{
    // The asf_access_users table as the first release created it.
    private const string FirstReleaseUsers = """
        CREATE TABLE asf_access_users (
            user_name      TEXT NOT NULL PRIMARY KEY,
            display_name   TEXT NOT NULL,
            role           TEXT NOT NULL,
            organisation   TEXT NULL,
            password_hash  TEXT NOT NULL,
            disabled       INTEGER NOT NULL DEFAULT 0,
            created_at     TEXT NOT NULL,
            security_stamp TEXT NOT NULL
        );
        INSERT INTO asf_access_users VALUES ('gammal', 'Gammal Admin', 'Förbundsadmin', NULL, 'x', 0, '2024-01-01T00:00:00.0000000Z', 'stamp');
        """;

    [Fact]
    public async Task An_account_table_from_the_first_release_gains_owner_and_temporary_password_on_SQLite()
    {
        using var database = new TempSqliteDatabase("upgrade");
        await using (var connection = new SqliteConnection(database.ConnectionString))
            await CreateFirstReleaseTableAsync(connection);

        await UpgradeAndUseAsync(AccessStorageOptions.SqliteInvariant, database.ConnectionString);
    }

    [Fact]
    public async Task An_account_table_from_the_first_release_gains_owner_and_temporary_password_on_PostgreSQL()
    {
        var connectionString = await postgres.CreateDatabaseAsync($"upgrade_{Guid.NewGuid():N}"[..20]);
        await using (var connection = new NpgsqlConnection(connectionString))
            await CreateFirstReleaseTableAsync(connection);

        await UpgradeAndUseAsync(AccessStorageOptions.PostgresInvariant, connectionString);
    }

    private static async Task CreateFirstReleaseTableAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = FirstReleaseUsers;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task UpgradeAndUseAsync(string invariant, string connectionString)
    {
        // Two starts: the upgrade runs on the first and must be a no-op on the second.
        for (var start = 0; start < 2; start++)
        {
            await using var services = new ServiceCollection().AddAsfAccess(o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
            }).BuildServiceProvider();
            var accounts = services.GetRequiredService<IUserAccountService>();

            var old = (await accounts.FindAsync("gammal"))!;
            Assert.Null(old.Owner);
            if (start == 0)
            {
                Assert.False(old.MustChangePassword);
                await accounts.CreateAsync(new NewUserAccount("bunden", "Bunden", AccessRole.Läsare, null, "Ett-Langt-Losenord-9",
                    "finsam-gavleborg", MustChangePassword: true), "test");
                Assert.NotNull(await accounts.ResetPasswordAsync("gammal", "Tillfalligt-123", "test"));
            }
            var bound = (await accounts.FindAsync("bunden"))!;
            Assert.Equal(("finsam-gavleborg", true), (bound.Owner, bound.MustChangePassword));
            Assert.True((await accounts.FindAsync("gammal"))!.MustChangePassword);
        }
    }
}
