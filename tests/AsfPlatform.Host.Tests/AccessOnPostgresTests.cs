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

/// <summary>Failed sign-ins are counted in the database, so every host of a cluster refuses the same guesses.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class SignInThrottleOnPostgresTests(PostgresServerFixture postgres)
{
    private static ServiceProvider Host(string connectionString) => new ServiceCollection()
        .AddAsfAccess(o =>
        {
            o.Invariant = AccessStorageOptions.PostgresInvariant;
            o.ConnectionString = connectionString;
        })
        .Configure<SignInThrottleOptions>(o => (o.PermitLimit, o.AddressPermitLimit, o.WindowSeconds) = (5, 8, 60))
        .BuildServiceProvider();

    [Fact]
    public async Task Failures_through_two_hosts_add_up_and_lock_the_account_on_both()
    {
        var connectionString = await postgres.CreateDatabaseAsync($"throttle_{Guid.NewGuid():N}"[..20]);
        await using var a = Host(connectionString);
        await using var b = Host(connectionString);
        await a.GetRequiredService<IUserAccountService>().AdminExistsAsync(); // creates the tables
        var throttleA = a.GetRequiredService<ISignInThrottle>();
        var throttleB = b.GetRequiredService<ISignInThrottle>();

        // Five failures spread over two hosts at once: one host alone never saw five.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            (i % 2 == 0 ? throttleA : throttleB).RecordFailureAsync("anna", "10.0.0.7")));

        Assert.NotNull(await throttleA.BlockedForAsync("anna", "10.0.0.7"));
        Assert.NotNull(await throttleB.BlockedForAsync("Anna", "10.0.0.99"));   // the account, from any address
        Assert.Null(await throttleB.BlockedForAsync("bertil", "10.0.0.7"));     // a colleague at the same address
        await throttleA.RecordSuccessAsync("bertil");
    }

    [Fact]
    public async Task An_address_is_locked_after_its_own_higher_limit_of_failures_over_many_accounts()
    {
        var connectionString = await postgres.CreateDatabaseAsync($"throttle_{Guid.NewGuid():N}"[..20]);
        await using var a = Host(connectionString);
        await a.GetRequiredService<IUserAccountService>().AdminExistsAsync();
        var throttle = a.GetRequiredService<ISignInThrottle>();

        for (var i = 0; i < 8; i++)
            await throttle.RecordFailureAsync($"konto{i}", "10.0.0.8");

        Assert.NotNull(await throttle.BlockedForAsync("ny-person", "10.0.0.8"));
        Assert.Null(await throttle.BlockedForAsync("ny-person", "10.0.0.9"));
    }
}
