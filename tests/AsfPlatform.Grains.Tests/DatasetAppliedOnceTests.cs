using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using AsfPlatform.TestSupport;

namespace AsfPlatform.Grains.Tests;

/// <summary>
/// The dataset is applied to an installation once: a host start (or a second host) never undoes users' edits or
/// brings back what they removed. Each test class has a database of its own, since these tests change the data.
/// </summary>
public sealed class DatasetAppliedOnceTests(SqliteDatasetFixture fixture) : IClassFixture<SqliteDatasetFixture>
{
    private const string Owner = "finsam-gavleborg", InsatsId = "asf-2016-2020";

    private IInsatsGrain Insats => fixture.Host.Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, InsatsId));
    private IMunicipalityGrain Hofors => fixture.Host.Grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(Owner, "2104"));
    private IYearlyPlanGrain Plan2017 => fixture.Host.Grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(Owner, InsatsId, 2017));

    [Fact]
    public async Task Edits_and_removals_of_dataset_records_survive_a_restart_and_a_second_load()
    {
        const string eventId = "e2017-02-bollnas-konferens";
        var stored = await Insats.GetEvent(eventId);
        await Insats.SaveEvent(new RecordInformationEvent(stored.Event! with { Title = "Konferens i Bollnäs (rättad titel)" }, stored.Version));
        var hofors = await Hofors.GetSnapshot();
        await Hofors.RemoveMilestone("samverkansgrupp-2017", hofors.Version);
        var plan = await Plan2017.GetSnapshot();
        await Plan2017.Save(new SavePlan(plan.Content! with { Title = "Handlingsplan 2017, reviderad" }, plan.Version));

        await fixture.RestartAsync();
        var again = await new DatasetLoader(fixture.Host.Grains).LoadAsync();

        Assert.Equal(0, again.Changes);
        Assert.Equal("Konferens i Bollnäs (rättad titel)", (await Insats.GetEvent(eventId)).Event!.Title);
        Assert.DoesNotContain((await Hofors.GetSnapshot()).Milestones, m => m.Id == "samverkansgrupp-2017");
        Assert.Equal("Handlingsplan 2017, reviderad", (await Plan2017.GetSnapshot()).Content!.Title);
    }
}

/// <summary>Two hosts starting on one empty database at once each apply what they find missing, and nothing twice.</summary>
public sealed class DatasetLoadedByTwoHostsAtOnceTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new("dataset-twice");
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(silo => Composition.Orleans.AsfCluster.UseAsfStorage(silo, Composition.AsfStorage.Sqlite(_database.FilePath)));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.ClearPool();
        _database.Dispose();
    }

    [Fact]
    public async Task Two_loads_at_once_both_finish_and_leave_nothing_for_a_third()
    {
        var loads = await Task.WhenAll(new DatasetLoader(_host.Grains).LoadAsync(), new DatasetLoader(_host.Grains).LoadAsync());

        // A record is created by one of them only (creates name version 0 or a new id); subregions come with their owner.
        Assert.InRange(loads[0].Changes + loads[1].Changes, 100, loads[0].Commands);
        var insats = await _host.Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats("finsam-gavleborg", "asf-2016-2020")).GetSnapshot();
        var third = await new DatasetLoader(_host.Grains).LoadAsync();
        Assert.Equal(0, third.Changes);
        Assert.Equal(insats.Version, (await _host.Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats("finsam-gavleborg", "asf-2016-2020")).GetSnapshot()).Version);
    }
}
