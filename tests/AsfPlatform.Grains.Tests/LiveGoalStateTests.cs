using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Grains.Tests;

public class LiveGoalStateTests
{
    private static IndicatorEvaluation Indicator(IEnumerable<IndicatorEvaluation> all, string id) => all.Single(i => i.IndicatorId == id);

    [Fact]
    public async Task Recording_one_event_updates_the_plans_indicator_without_reading_any_company()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync(companies: 20);
        var before = host.Calls.Snapshot();

        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1))));

        var calls = host.Calls.Snapshot().Since(before);
        Assert.Equal(1, calls["asf.insats"]);          // the command
        Assert.Equal(1, calls["asf.plan"]);            // one push to the one plan that reads events
        Assert.False(calls.ContainsKey("asf.company")); // no company is read
        Assert.False(calls.ContainsKey("asf.owner"));
        var events = Indicator((await host.Plan().Evaluate(TestHost.Dec31)), "events");
        Assert.Equal(1m, events.Value);
    }

    [Fact]
    public async Task One_companys_new_figures_reach_the_plan_at_the_cost_of_that_company_only()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync(companies: 20);
        var employedBefore = Indicator(await host.Plan().Evaluate(TestHost.Dec31), "employed");
        Assert.Equal((60m, 40, 20), (employedBefore.Value!.Value, employedBefore.Women!.Value, employedBefore.Men!.Value));
        var before = host.Calls.Snapshot();

        await host.Company("asf-07").RecordFigures(new RecordCompanyFigures(new(new(2017, 9, 1), 5, 5, 10, 0, 0, 0)));

        var calls = host.Calls.Snapshot().Since(before);
        Assert.Equal(1, calls["asf.company"]);   // only the command itself; the 19 others are not read
        Assert.Equal(1, calls["asf.owner"]);     // who subscribes to company figures
        Assert.Equal(1, calls["asf.plan"]);
        var after = Indicator(await host.Plan().Evaluate(TestHost.Dec31), "employed");
        Assert.Equal((67m, 43, 24), (after.Value!.Value, after.Women!.Value, after.Men!.Value));
        // Dated facts keep their dates: as of the summer the old figure still counts.
        Assert.Equal(60m, Indicator(await host.Plan().Evaluate(new(2017, 8, 1)), "employed").Value);
    }

    [Fact]
    public async Task A_municipal_milestone_and_a_placement_outcome_update_the_plan_at_once()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Municipality("2184").RecordMilestone(new RecordMunicipalMilestone(
            new("ss", MunicipalMilestoneKind.JoinedSupportStructure, new(2017, 5, 1), "Stödstruktur", "Kommunstyrelsen")));
        await host.Insats.RecordPlacement(new RecordPlacement(
            new("p1", 2017, "2184", 4, "Psykisk ohälsa", 200, new(2, 2, 1, 1), new(Work: 1, BackToPublicSupport: 1))));
        var snapshot = await host.Plan().Evaluate(TestHost.Dec31);
        Assert.Equal(1m, Indicator(snapshot, "support").Value);
        Assert.Equal(50m, Indicator(snapshot, "outcome").Value);
        Assert.Equal(IndicatorStatus.Achieved, Indicator(snapshot, "outcome").Status);
    }

    [Fact]
    public async Task Observers_of_a_plan_are_notified_when_a_source_changes()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var observer = new Observer();
        var reference = host.Grains.CreateObjectReference<IPlanObserver>(observer);
        await host.Plan().Subscribe(reference);

        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1))));

        var change = await observer.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(GrainKeys.Plan(TestHost.Owner, TestHost.InsatsId, 2017), change.PlanKey);
        Assert.Equal(1m, change.Indicators.Single(i => i.IndicatorId == "events").Value);
    }

    [Fact]
    public async Task A_plan_created_after_the_facts_reads_them_once_and_then_follows_pushes()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e1", new(2018, 2, 1))));
        var next = await host.Plan().CreateNextYear();
        Assert.Equal(1m, next.Indicators.Concat(await host.Plan(2018).Evaluate(new(2018, 12, 31))).First(i => i.IndicatorId == "events").Value);
        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e2", new(2018, 3, 1))));
        Assert.Equal(2m, Indicator(await host.Plan(2018).Evaluate(new(2018, 12, 31)), "events").Value);
        Assert.Equal(0, Indicator(await host.Plan(2017).Evaluate(TestHost.Dec31), "events").Value ?? 0);
    }

    [Fact]
    public async Task Removing_an_event_takes_it_out_of_the_plan()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1))));
        await host.Insats.RemoveEvent("e1");
        Assert.Equal(IndicatorStatus.NoData, Indicator(await host.Plan().Evaluate(TestHost.Dec31), "events").Status);
    }

    private sealed class Observer : IPlanObserver
    {
        public TaskCompletionSource<PlanIndicatorsChanged> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task IndicatorsChanged(PlanIndicatorsChanged change)
        {
            Received.TrySetResult(change);
            return Task.CompletedTask;
        }
    }
}
