using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;

namespace AsfPlatform.Grains.Tests;

/// <summary>A removed fact leaves the plan's indicators at once, for every kind of fact a source pushes.</summary>
public class RemovalTests
{
    private static decimal? Value(IEnumerable<IndicatorEvaluation> all, string id) => all.Single(i => i.IndicatorId == id).Value;

    [Fact]
    public async Task Removing_a_placement_takes_its_outcome_out_of_the_plan()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.RecordPlacement(new RecordPlacement(
            new("p1", 2017, "2184", 4, "Psykisk ohälsa", 200, new(2, 2, 1, 1), new(Work: 1))));
        await host.Insats.RecordPlacement(new RecordPlacement(
            new("p2", 2017, "2184", 4, "Unga vuxna", 200, new(2, 2, 1, 1), new(Work: 2))));
        Assert.Equal(75m, Value(await host.Plan().Evaluate(TestHost.Dec31), "outcome"));
        var version = (await host.Insats.GetSnapshot()).Version;

        var after = await host.Insats.RemovePlacement("p2", version);

        Assert.Equal(50m, Value(await host.Plan().Evaluate(TestHost.Dec31), "outcome"));
        Assert.Equal(version + 1, after.Version);
        Assert.Equal(["p1"], (await host.Insats.GetPlacements()).Select(p => p.Id));
    }

    [Fact]
    public async Task Removing_a_placement_with_a_stale_version_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.RecordPlacement(new RecordPlacement(
            new("p1", 2017, "2184", 4, "Psykisk ohälsa", 200, new(2, 2, 1, 1), new(Work: 1))));
        var version = (await host.Insats.GetSnapshot()).Version;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Insats.RemovePlacement("p1", version - 1));

        Assert.Single(await host.Insats.GetPlacements());
        Assert.Equal(50m, Value(await host.Plan().Evaluate(TestHost.Dec31), "outcome"));
    }

    [Fact]
    public async Task Removing_a_tagged_narrative_milestone_takes_it_out_of_the_plan()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var plan = await host.Plan().GetSnapshot();
        var milestones = new IndicatorDefinition("natverk", "Nätverksträffar", IndicatorKind.CountInPeriod,
            new(MetricKind.InsatsMilestones), 2, TestHost.Dec31, PeriodStart: TestHost.Jan1);
        await host.Plan().Save(new SavePlan(plan.Content! with { Indicators = [.. plan.Content!.Indicators, milestones] }, plan.Version));
        await host.Insats.RecordMilestone(new RecordNarrativeMilestone(new("n1", 2017, new(2017, 4, 1), "Nätverket träffades.", "natverk")));
        await host.Insats.RecordMilestone(new RecordNarrativeMilestone(new("n2", 2017, new(2017, 9, 1), "Nätverket träffades igen.", "natverk")));
        Assert.Equal(2m, Value(await host.Plan().Evaluate(TestHost.Dec31), "natverk"));

        await host.Insats.RemoveMilestone("n2", (await host.Insats.GetSnapshot()).Version);

        Assert.Equal(1m, Value(await host.Plan().Evaluate(TestHost.Dec31), "natverk"));
        Assert.Equal(["n1"], (await host.Insats.GetSnapshot()).Milestones.Select(m => m.Id));
    }

    [Fact]
    public async Task Removing_a_companys_figures_of_a_date_brings_back_the_earlier_figures_in_the_plan()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync(companies: 2);
        var company = host.Company("asf-01");
        await company.RecordFigures(new RecordCompanyFigures(new(new(2017, 9, 1), 5, 5, 10, 0, 0, 0)));
        Assert.Equal(13m, Value(await host.Plan().Evaluate(TestHost.Dec31), "employed"));

        var after = await company.RemoveFigures(new(2017, 9, 1), (await company.GetSnapshot()).Version);

        Assert.Equal(6m, Value(await host.Plan().Evaluate(TestHost.Dec31), "employed"));
        Assert.Equal([new DateOnly(2017, 3, 1)], after.Figures.Select(f => f.Date));
    }

    [Fact]
    public async Task Removing_a_municipal_milestone_takes_the_municipality_out_of_the_support_structure_count()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var municipality = host.Municipality("2184");
        await municipality.RecordMilestone(new RecordMunicipalMilestone(
            new("ss", MunicipalMilestoneKind.JoinedSupportStructure, new(2017, 5, 1), "Stödstruktur", "Kommunstyrelsen")));
        Assert.Equal(1m, Value(await host.Plan().Evaluate(TestHost.Dec31), "support"));

        await municipality.RemoveMilestone("ss", (await municipality.GetSnapshot()).Version);

        Assert.Equal(IndicatorStatus.NoData, (await host.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "support").Status);
    }

    [Fact]
    public async Task Removing_one_of_two_events_lowers_the_event_count_by_one()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1))));
        var second = await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e2", new(2017, 4, 1))));
        Assert.Equal(2m, Value(await host.Plan().Evaluate(TestHost.Dec31), "events"));

        await host.Insats.RemoveEvent("e2", second.Version);

        Assert.Equal(1m, Value(await host.Plan().Evaluate(TestHost.Dec31), "events"));
    }
}
