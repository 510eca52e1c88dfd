using System.Collections.Concurrent;
using AsfPlatform.Composition;
using AsfPlatform.Composition.Orleans;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AsfPlatform.Grains.Tests;

[CollectionDefinition(PostgresServerFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;

/// <summary>Several silos on one PostgreSQL database, as several hosts of the platform run: one activation per grain
/// across the cluster, and a silo that dies loses nothing that was acknowledged.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class ClusterTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int Companies = 16, WritesPerCompany = 24, MaxAttempts = 12;

    [Fact]
    public async Task Two_silos_on_one_database_see_each_others_writes_at_once_with_one_activation_per_grain()
    {
        await using var host = await StartAsync("two_silos", silos: 2);
        var (a, b) = (Factory(host, 0), Factory(host, 1));
        await Seed(a, companies: 8);

        for (var i = 0; i < 8; i++)
        {
            var (writer, reader) = i % 2 == 0 ? (a, b) : (b, a);
            var figures = new CompanyFigures(new(2019, 1, 1 + i), 4, 2, 6, 0, 0, 0);
            var written = await Company(writer, i).RecordFigures(new RecordCompanyFigures(figures));
            var read = await Company(reader, i).GetSnapshot();
            Assert.Equal(2, written.Version); // registered, then these figures
            Assert.Equal(written.Version, read.Version);
            Assert.Contains(figures, read.Figures);
        }

        var management = host.Grains.GetGrain<IManagementGrain>(0);
        var activations = (await management.GetDetailedGrainStatistics())
            .Where(s => s.GrainId.Type.ToString() == "asf.company").ToList();
        Assert.Equal(2, host.Cluster.GetActiveSilos().Count());
        for (var i = 0; i < 8; i++)
            Assert.Single(activations, s => s.GrainId == CompanyId(i)); // one activation across both silos
        Assert.Equal(8, activations.Count);
    }

    [Fact]
    public async Task Killing_a_silo_under_a_write_load_loses_no_acknowledged_write()
    {
        await using var host = await StartAsync("kill_silo", silos: 2);
        await Seed(host.Grains, Companies);
        var management = host.Grains.GetGrain<IManagementGrain>(0);
        var victim = host.Cluster.Silos[1];
        var acknowledged = new ConcurrentBag<(int Company, CompanyFigures Figures)>();
        var failures = new ConcurrentQueue<Exception>();
        var killAfter = Companies * WritesPerCompany / 3;

        var writers = Enumerable.Range(0, Companies).Select(c => Task.Run(async () =>
        {
            for (var k = 0; k < WritesPerCompany; k++)
            {
                var figures = new CompanyFigures(new DateOnly(2019, 1, 1).AddDays(k), k % 5, 1, k % 5 + 1, 0, 0, 0);
                if (await Retrying(() => Company(host.Grains, c).RecordFigures(new RecordCompanyFigures(figures)), failures))
                    acknowledged.Add((c, figures));
            }
        })).ToList();

        while (acknowledged.Count < killAfter) await Task.Delay(10);
        var onVictim = (await management.GetDetailedGrainStatistics())
            .Count(s => s.GrainId.Type.ToString() == "asf.company" && s.SiloAddress == victim.SiloAddress);
        await host.Cluster.KillSiloAsync(victim); // no graceful shutdown: its activations and calls in flight die with it
        await Task.WhenAll(writers);

        output.WriteLine($"{acknowledged.Count} acknowledged, {onVictim} companies on the killed silo, {failures.Count} failed attempts retried: " +
            string.Join(", ", failures.GroupBy(f => f.GetType().Name).Select(g => $"{g.Key} × {g.Count()}")));
        Assert.True(onVictim > 0, "the killed silo held none of the companies written to");
        Assert.DoesNotContain(failures, f => f is ConcurrencyConflictException or ValidationException);
        Assert.Equal(Companies * WritesPerCompany, acknowledged.Count); // every write got through within its retries

        // Every acknowledged write is there through the surviving silo, and again once read back from the database.
        await AssertAllPresent(host, acknowledged);
        for (var c = 0; c < Companies; c++) await host.Cluster.DeactivateAsync(CompanyId(c));
        await AssertAllPresent(host, acknowledged);
    }

    /// <summary>
    /// Calls a write, retrying (a bounded number of times) when it failed for a reason other than the platform refusing
    /// it: its silo died or its activation was dropped. Only safe because recording the same figures again is a no-op.
    /// </summary>
    private static async Task<bool> Retrying(Func<Task> write, ConcurrentQueue<Exception> failures)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return true;
            }
            catch (Exception e) when (e is not (ValidationException or ConcurrencyConflictException or AlreadyExistsException or NotFoundException))
            {
                failures.Enqueue(e);
                if (attempt == MaxAttempts) return false;
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static async Task AssertAllPresent(TestHost host, IEnumerable<(int Company, CompanyFigures Figures)> acknowledged)
    {
        foreach (var group in acknowledged.GroupBy(a => a.Company))
        {
            var stored = (await Company(host.Grains, group.Key).GetSnapshot()).Figures;
            foreach (var (_, figures) in group) Assert.Contains(figures, stored);
        }
    }

    private async Task<TestHost> StartAsync(string database, short silos)
    {
        var storage = AsfStorage.PostgreSql(await postgres.CreateDatabaseAsync(database));
        return await TestHost.StartAsync(silo => silo.UseAsfStorage(storage), silos);
    }

    private static IGrainFactory Factory(TestHost host, int silo) =>
        host.Cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    private static async Task Seed(IGrainFactory grains, int companies)
    {
        await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(TestHost.Owner)).Register(new RegisterOwner("Testförbundet", OwnerKind.Samordningsforbund));
        for (var i = 0; i < companies; i++)
            await Company(grains, i).Register(new RegisterCompany(TestHost.NewCompany($"asf-{i:00}")));
    }

    private static ICompanyGrain Company(IGrainFactory grains, int i) =>
        grains.GetGrain<ICompanyGrain>(GrainKeys.Company(TestHost.Owner, $"asf-{i:00}"));

    private static GrainId CompanyId(int i) => GrainId.Create("asf.company", GrainKeys.Company(TestHost.Owner, $"asf-{i:00}"));
}
