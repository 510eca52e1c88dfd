using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace AsfPlatform.Host.Tests;

/// <summary>The Data Protection key ring in the shared database, as two hosts' key managers see it.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class DataProtectionKeyRingTests(PostgresServerFixture postgres)
{
    private static ServiceProvider Host(string connectionString) => new ServiceCollection()
        .AddLogging()
        .AddAsfAccess(o => (o.Invariant, o.ConnectionString) = (AccessStorageOptions.PostgresInvariant, connectionString))
        .AddAsfDataProtection()
        .BuildServiceProvider();

    private static IDataProtector Protector(IServiceProvider host) => host.GetDataProtector("asf.test");

    [Fact]
    public async Task A_host_reads_what_another_protected_with_a_key_it_has_never_loaded()
    {
        var connectionString = await postgres.CreateDatabaseAsync("dpkeys");
        await using var b = Host(connectionString);
        var fromB = Protector(b).Protect("från B"); // B makes the first key and caches a ring of that key alone
        await using var a = Host(connectionString);
        a.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var fromA = Protector(a).Protect("från A"); // with A's newer key, which B has not loaded

        Assert.Equal("från A", Protector(b).Unprotect(fromA));
        Assert.Equal("från B", Protector(a).Unprotect(fromB));
        Assert.Equal(2, a.GetRequiredService<IKeyManager>().GetAllKeys().Count);
    }

    [Fact]
    public async Task Two_hosts_making_their_first_key_at_once_read_each_others_payloads()
    {
        var connectionString = await postgres.CreateDatabaseAsync("dprace");
        await using var a = Host(connectionString);
        await using var b = Host(connectionString);
        using var start = new Barrier(2);

        var payloads = await Task.WhenAll(
            Task.Run(() => { start.SignalAndWait(); return Protector(a).Protect("från A"); }),
            Task.Run(() => { start.SignalAndWait(); return Protector(b).Protect("från B"); }));

        Assert.Equal("från A", Protector(b).Unprotect(payloads[0]));
        Assert.Equal("från B", Protector(a).Unprotect(payloads[1]));
        Assert.InRange(a.GetRequiredService<IKeyManager>().GetAllKeys().Count, 1, 2);
    }

    [Fact]
    public void The_key_ring_is_kept_in_the_database_not_in_a_folder()
    {
        using var host = Host("Host=localhost;Database=oanvand");

        var options = host.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyManagementOptions>>().Value;

        Assert.IsType<AsfPlatform.Access.DataProtection.SqlXmlRepository>(options.XmlRepository);
        Assert.Equal(AccessServiceCollectionExtensions.DataProtectionApplicationName,
            host.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }
}
