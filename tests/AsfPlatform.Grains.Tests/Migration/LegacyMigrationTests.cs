using System.Text.Json;
using AsfPlatform.Composition.Orleans;
using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Grains.Tests.Migration;

/// <summary>A database of the pre-Orleans platform, carried over by the first start of a silo on it.</summary>
public abstract class LegacyMigrationFixture(bool postgres) : IAsyncLifetime
{
    public bool Postgres { get; } = postgres;
    public LegacyDatabase Database { get; private set; } = null!;
    public TestHost Host { get; private set; } = null!;

    /// <summary>The old rows, as the old table (now renamed) still holds them.</summary>
    public IReadOnlyList<LegacyState> Old { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await LegacyDatabase.CreateAsync(Postgres);
        Host = await Database.StartAsync();
        Old = await Database.ReadLegacyRowsAsync();
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}

public sealed class SqliteLegacyMigrationFixture() : LegacyMigrationFixture(postgres: false);

public sealed class PostgresLegacyMigrationFixture() : LegacyMigrationFixture(postgres: true);

public sealed class LegacyMigrationOnSqliteTests(SqliteLegacyMigrationFixture fixture)
    : LegacyMigrationTests(fixture), IClassFixture<SqliteLegacyMigrationFixture>;

public sealed class LegacyMigrationOnPostgresTests(PostgresLegacyMigrationFixture fixture)
    : LegacyMigrationTests(fixture), IClassFixture<PostgresLegacyMigrationFixture>
{
    [Fact]
    public async Task Two_hosts_starting_at_once_on_one_database_carry_every_row_over_once()
    {
        await using var database = await LegacyDatabase.CreateAsync(postgres: true);
        var hosts = await Task.WhenAll(database.StartAsync(), database.StartAsync());
        try
        {
            var rows = await database.ReadOrleansRowsAsync();
            Assert.Equal(35, rows.Count);
            Assert.All(rows, r => Assert.Contains(" v1 ", r)); // each written once: a second write would be v2
            Assert.Equal(35, (await database.ReadLegacyRowsAsync()).Count);
            Assert.False(await database.TableExistsAsync(LegacyGrainStateMigration.LegacyTable));
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }
}

public abstract class LegacyMigrationTests(LegacyMigrationFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new();

    private IGrainFactory Grains => fixture.Host.Grains;

    private IEnumerable<(string Key, T State)> Old<T>(string grainType) =>
        fixture.Old.Where(r => r.GrainType == grainType).Select(r => (GrainKeys.Prefix + r.Key, (T)r.State));

    private static void Same<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual, Json));

    /// <summary>The same items, in any order: snapshots sort lists for display (by year, by date).</summary>
    private static void SameItems<T>(IEnumerable<T> expected, IEnumerable<T> actual) =>
        Assert.Equal(expected.Select(x => JsonSerializer.Serialize(x, Json)).Order(StringComparer.Ordinal),
            actual.Select(x => JsonSerializer.Serialize(x, Json)).Order(StringComparer.Ordinal));

    [Fact]
    public async Task The_old_table_is_kept_under_its_new_name_with_all_35_rows_of_the_six_grain_types()
    {
        Assert.False(await fixture.Database.TableExistsAsync(LegacyGrainStateMigration.LegacyTable));
        Assert.Equal(35, fixture.Old.Count);
        Assert.Equal(["asf.company", "asf.eventlog", "asf.insats", "asf.municipality", "asf.owner", "asf.plan"],
            fixture.Old.Select(r => r.GrainType).Distinct().Order(StringComparer.Ordinal));
        // The municipalities' shared facts, made from their milestones on first activation, are rows of their own,
        // and so are the logs per day that an insats's events move to from its month logs when it is first activated.
        Assert.Equal(35, (await fixture.Database.ReadOrleansRowsAsync())
            .Count(r => !r.Contains("municipalfacts") && !System.Text.RegularExpressions.Regex.IsMatch(r, @"/events/\d{4}-\d{2}-\d{2}\b")));
    }

    [Fact]
    public async Task Every_owner_lists_the_municipalities_companies_insatser_and_plans_it_held()
    {
        foreach (var (key, old) in Old<OwnerDirectoryState>("asf.owner"))
        {
            var now = await Grains.GetGrain<IOwnerDirectoryGrain>(key).GetSnapshot();
            Assert.Equal((old.Name, old.Kind, old.Version), (now.Name, now.Kind, now.Version));
            Assert.Equal(old.Municipalities, now.Municipalities);
            Assert.Equal(old.Companies, now.Companies);
            Assert.Equal(old.Insatser, now.Insatser);
            Assert.Equal(old.Surveys.Select(s => s.Year), now.SurveyYears);
            // Plans are listed by grain key, which now has the prefix.
            Assert.Equal(old.Plans.Select(p => GrainKeys.Prefix + p), now.Plans);
        }
        var gavleborg = await Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner("finsam-gavleborg")).GetSnapshot();
        Assert.Equal(10, gavleborg.Municipalities.Count);
        Assert.Equal(["asf-gladjeverket", "asf-stenbacken"], gavleborg.Companies);
        Assert.Equal(["asf-2016-2020"], gavleborg.Insatser);
    }

    [Fact]
    public async Task Every_municipality_and_company_holds_its_old_state()
    {
        var municipalities = Old<MunicipalityState>("asf.municipality").ToList();
        Assert.Equal(20, municipalities.Count);
        foreach (var (key, old) in municipalities)
        {
            var now = await Grains.GetGrain<IMunicipalityGrain>(key).GetSnapshot();
            Assert.Equal((old.Name, old.Subregion), (now.Name, now.Subregion));
            // The milestones each owner held become the municipality's, shared: both owners held the same ones.
            SameItems(old.Milestones, now.Milestones);
            Assert.True(now.Version >= old.Version, "the version an owner sees never goes back");
        }
        foreach (var (key, old) in Old<CompanyState>("asf.company"))
        {
            var now = await Grains.GetGrain<ICompanyGrain>(key).GetSnapshot();
            Assert.Equal(old.Version, now.Version);
            Same(old.Company, now.Company);
            SameItems(old.Figures, now.Figures);
        }
    }

    [Fact]
    public async Task Every_insats_holds_its_milestones_placements_and_every_event_of_its_month_logs()
    {
        var logs = Old<EventLogState>("asf.eventlog").ToList();
        foreach (var (key, old) in Old<InsatsState>("asf.insats"))
        {
            var insats = Grains.GetGrain<IInsatsGrain>(key);
            var now = await insats.GetSnapshot();
            Assert.Equal(old.Version, now.Version);
            Same(old.Insats, now.Insats);
            SameItems(old.Milestones, now.Milestones);
            SameItems(old.StatedTotals, now.StatedTotals);
            Assert.Equal(old.Plans.Keys.Order(), now.PlanYears);
            Assert.Equal(old.Placements.Count, now.PlacementCount);
            SameItems(old.Placements, await insats.GetPlacements());

            var oldEvents = logs.Where(l => l.Key.StartsWith(key + "/events/", StringComparison.Ordinal))
                .SelectMany(l => l.State.Events).Select(e => e.Event).Concat(old.Events).ToList();
            Assert.Equal(oldEvents.Count, now.EventCount);
            var events = await insats.GetEvents(DateOnly.MinValue, DateOnly.MaxValue);
            SameItems(oldEvents, events);
        }
        Assert.Equal(logs.Sum(l => l.State.Events.Count),
            (await Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats("finsam-gavleborg", "asf-2016-2020")).GetSnapshot()).EventCount
            + (await Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats("region-gavleborg", "fler-i-arbete-genom-asf")).GetSnapshot()).EventCount);
    }

    [Fact]
    public async Task Every_plan_holds_its_content_and_shows_the_indicator_values_of_the_dataset_loaded_afresh()
    {
        await using var fresh = await TestHost.StartAsync();
        await new DatasetLoader(fresh.Grains).LoadAsync();
        foreach (var (key, old) in Old<YearlyPlanState>("asf.plan"))
        {
            var now = await Grains.GetGrain<IYearlyPlanGrain>(key).GetSnapshot();
            Assert.Equal((old.Version, old.FactsVersion), (now.Version, now.FactsVersion));
            Same(old.Content, now.Content);
            var yearEnd = new DateOnly(now.Year, 12, 31);
            Same(await fresh.Grains.GetGrain<IYearlyPlanGrain>(key).Evaluate(yearEnd), await Grains.GetGrain<IYearlyPlanGrain>(key).Evaluate(yearEnd));
        }
        var e = (await Grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan("finsam-gavleborg", "asf-2016-2020", 2017))
            .Evaluate(new(2017, 12, 31))).ToDictionary(i => i.IndicatorId);
        Assert.Equal((586m, 34m, 228m, 2m),
            (e["medarbetare-informerade"].Value, e["aktiva-asf"].Value, e["anstallda-asf"].Value, e["informationsinsatser"].Value));
    }

    [Fact]
    public async Task A_fact_recorded_after_the_move_reaches_the_plan_that_reads_it()
    {
        // The owner routes fact updates to its plans by the keys in its subscriptions, carried over with the prefix.
        // A database of its own: the change would show in the other tests' plan values.
        await using var database = await LegacyDatabase.CreateAsync(fixture.Postgres);
        await using var host = await database.StartAsync();
        var plan = host.Grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan("finsam-gavleborg", "asf-2016-2020", 2017));
        var before = await plan.GetSnapshot();
        await host.Grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality("finsam-gavleborg", "2180")).RecordMilestone(new(
            new MunicipalMilestone("flytt-test", MunicipalMilestoneKind.JoinedSupportStructure, new(2017, 5, 1), "Beslut efter flytten")));

        Assert.Equal(before.FactsVersion + 1, (await plan.GetSnapshot()).FactsVersion);
        var support = (await plan.Evaluate(new(2017, 12, 31))).Single(i => i.IndicatorId == "kommuner-stodstruktur");
        Assert.Equal(4m, support.Value); // Hudiksvall, Nordanstig, Bollnäs and now Gävle
        var directory = await host.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner("finsam-gavleborg")).GetSnapshot();
        Assert.Equal([GrainKeys.Plan("finsam-gavleborg", "asf-2016-2020", 2017)], directory.Plans);
    }

    [Fact]
    public async Task A_second_start_changes_nothing_and_keeps_the_old_table()
    {
        await using var database = await LegacyDatabase.CreateAsync(fixture.Postgres);
        await using (await database.StartAsync()) { }
        var first = await database.ReadOrleansRowsAsync();
        await using (await database.StartAsync()) { }
        Assert.Equal(first, await database.ReadOrleansRowsAsync());
        Assert.Equal(35, first.Count);
        Assert.Equal(35, (await database.ReadLegacyRowsAsync()).Count);
        Assert.False(await database.TableExistsAsync(LegacyGrainStateMigration.LegacyTable));
    }

    [Fact]
    public async Task A_row_that_cannot_be_carried_over_stops_the_silo_and_leaves_the_old_table_as_it_was()
    {
        await using var database = await LegacyDatabase.CreateAsync(fixture.Postgres,
            "INSERT INTO grain_state VALUES('asf','asf.unknown','x','state',1,1,'{}');");
        var error = await Assert.ThrowsAnyAsync<Exception>(database.StartAsync);
        Assert.Contains("asf.unknown/x/state", error.ToString());
        Assert.True(await database.TableExistsAsync(LegacyGrainStateMigration.LegacyTable));
        Assert.False(await database.TableExistsAsync(LegacyGrainStateMigration.KeptTable));
    }

    [Fact]
    public async Task A_database_without_the_old_table_starts_as_before()
    {
        await using var database = await LegacyDatabase.CreateAsync(fixture.Postgres, "DROP TABLE grain_state;");
        await using (var host = await database.StartAsync())
            Assert.False((await host.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner("finsam-gavleborg")).GetSnapshot()).Exists);
        Assert.Empty(await database.ReadOrleansRowsAsync());
        Assert.False(await database.TableExistsAsync(LegacyGrainStateMigration.KeptTable));
    }
}
