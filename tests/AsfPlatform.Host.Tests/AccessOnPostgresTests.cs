using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsfPlatform.Host.Tests;

[CollectionDefinition(PostgresServerFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;

/// <summary>The same access services on PostgreSQL, the scale-out database.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class AccessOnPostgresTests(PostgresServerFixture postgres)
{
    private static async Task<(ServiceProvider Services, string ConnectionString)> StartAsync(PostgresServerFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync($"access_{Guid.NewGuid():N}"[..20]);
        var services = new ServiceCollection().AddAsfAccess(o =>
        {
            o.Invariant = AccessStorageOptions.PostgresInvariant;
            o.ConnectionString = connectionString;
        }).BuildServiceProvider();
        return (services, connectionString);
    }

    [Fact]
    public async Task Racing_first_admin_setups_create_exactly_one_admin()
    {
        var (services, _) = await StartAsync(postgres);
        await using var _ = services;
        var accounts = services.GetRequiredService<IUserAccountService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await accounts.CreateFirstAdminAsync($"pgadmin{i}", $"Admin {i}", "Ett-Langt-Losenord-9");
                return true;
            }
            catch (AccessConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(r => r));
        var admin = Assert.Single(await accounts.ListAsync());
        Assert.NotNull(await accounts.VerifyPasswordAsync(admin.UserName, "Ett-Langt-Losenord-9"));
    }

    [Fact]
    public async Task Tokens_and_the_audit_log_work_and_the_log_refuses_changes()
    {
        var (services, connectionString) = await StartAsync(postgres);
        await using var _ = services;
        var accounts = services.GetRequiredService<IUserAccountService>();
        var tokens = services.GetRequiredService<IApiTokenService>();
        await accounts.CreateFirstAdminAsync("pgadmin", "Admin", "Ett-Langt-Losenord-9");
        var office = await accounts.CreateAsync(new NewUserAccount("pg2180", "Gävle kontor", AccessRole.Partnerkontor,
            OrganisationRef.Municipality("2180"), "Ett-Langt-Losenord-9"), "pgadmin");

        var issued = await tokens.IssueAsync("pg2180", "Integration", "pg2180");
        Assert.Equal(office, await tokens.AuthenticateAsync(issued.Secret));
        Assert.True(await tokens.RevokeAsync("pg2180", issued.Token.TokenId, "pg2180"));
        Assert.Null(await tokens.AuthenticateAsync(issued.Secret));

        var history = await services.GetRequiredService<IAuditLog>().ReadAsync("användare", "pg2180");
        Assert.Equal("skapad", Assert.Single(history).Action);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE asf_audit_log SET actor = 'x'", "DELETE FROM asf_audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
    }
}
