using System.Diagnostics;
using System.Net;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace AsfPlatform.Storage.Tests;

/// <summary>Orleans' ADO.NET clustering on PostgreSQL with this schema's membership tables and queries.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class PostgresClusteringTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Two_silos_on_one_database_form_one_cluster_with_one_activation_per_grain()
    {
        var database = await server.CreateDatabaseAsync("asf_cluster");
        await OrleansSchema.EnsureAsync(AdoNetInvariants.PostgreSql, database);
        var storage = new StorageTarget(AdoNetInvariants.PostgreSql, database);
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

        await using var first = await TestSilo.StartAsync(storage, Clustered(database, clusterId));
        await using var second = await TestSilo.StartAsync(storage, Clustered(database, clusterId));

        await WaitUntilAsync(async () => (await ActiveSilosAsync(first)).Count == 2 && (await ActiveSilosAsync(second)).Count == 2);
        Assert.Equal(await ActiveSilosAsync(first), await ActiveSilosAsync(second));

        // Whichever silo a call enters by, each grain has one activation in the cluster.
        for (var i = 0; i < 20; i++)
        {
            var viaFirst = await first.Grains.GetGrain<IStoredCounterGrain>($"single-{i}").Activation();
            var viaSecond = await second.Grains.GetGrain<IStoredCounterGrain>($"single-{i}").Activation();
            Assert.Equal(viaFirst, viaSecond);
        }

        // Both silos host some of the 20 grains: placement really spans the cluster.
        var hosts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => first.Grains.GetGrain<IStoredCounterGrain>($"single-{i}").Activation()));
        Assert.Equal(2, hosts.Select(h => h.Split('/')[0]).Distinct().Count());

        // A grain's state written through one silo is what the other silo's callers see.
        await second.Grains.GetGrain<IStoredCounterGrain>("shared").Set(11, "via second");
        Assert.Equal(new CounterSnapshot(11, "via second", "1", true), await first.Grains.GetGrain<IStoredCounterGrain>("shared").Get());

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3;", connection);
        count.Parameters.AddWithValue("c", clusterId);
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }

    private static Action<ISiloBuilder> Clustered(string database, string clusterId)
    {
        var siloPort = TestSilo.FreePort();
        var gatewayPort = TestSilo.FreePort();
        return silo => silo
            .UseAdoNetClustering(o =>
            {
                o.Invariant = AdoNetInvariants.PostgreSql;
                o.ConnectionString = database;
            })
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = "svc-" + clusterId;
            });
    }

    private static async Task<List<string>> ActiveSilosAsync(TestSilo silo)
    {
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        return hosts.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The silos did not see each other as active within 60 s.");
            }

            await Task.Delay(200);
        }
    }
}
