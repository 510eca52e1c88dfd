using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Grains.Tests;

/// <summary>The plan keeps events' observations in memory only (read from the durable day logs), so its stored
/// state does not grow with the events, and updates, removals, re-sends and restarts keep the values exact.</summary>
public class PlanEventObservationTests
{
    private static readonly DateOnly Day = new(2017, 5, 10);

    [Fact]
    public async Task The_plans_stored_state_does_not_grow_with_the_events_of_one_day_and_municipality()
    {
        var storage = new CountingStorage();
        await using var host = await StartAsync(storage);
        await SeedAsync(host);
        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e0", Day), CreateOnly: true));
        var afterOne = LastPlanWrite(storage, host);

        for (var i = 1; i < 60; i++)
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event($"e{i}", Day), CreateOnly: true));

        Assert.InRange(LastPlanWrite(storage, host), afterOne, afterOne + 4); // only the facts version's digits
        Assert.Equal((60m, 1200m), await ValuesAsync(host.Plan()));
    }

    [Fact]
    public async Task An_updated_event_changes_the_indicator_by_the_difference_and_a_removed_one_subtracts()
    {
        await using var host = await StartAsync(new CountingStorage());
        await SeedAsync(host);
        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("a", Day), CreateOnly: true));
        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("b", Day), CreateOnly: true));
        Assert.Equal((2m, 40m), await ValuesAsync(host.Plan()));

        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("a", Day) with { Audience = new(Employees: 35) }, 1));
        Assert.Equal((2m, 55m), await ValuesAsync(host.Plan()));

        await host.Insats.RemoveEvent("b", 1);
        Assert.Equal((1m, 35m), await ValuesAsync(host.Plan()));
    }

    [Fact]
    public async Task Re_sending_the_same_event_does_not_count_it_twice()
    {
        await using var host = await StartAsync(new CountingStorage());
        await SeedAsync(host);
        var e = TestHost.Event("a", Day);
        await host.Insats.SaveEvent(new RecordInformationEvent(e, CreateOnly: true));
        var factsVersion = (await host.Plan().GetSnapshot()).FactsVersion;

        await host.Insats.SaveEvent(new RecordInformationEvent(e));
        await host.Insats.SaveEvent(new RecordInformationEvent(e, 1));

        Assert.Equal((1m, 20m), await ValuesAsync(host.Plan()));
        Assert.Equal(factsVersion, (await host.Plan().GetSnapshot()).FactsVersion);
    }

    [Fact]
    public async Task Values_are_right_right_after_a_restart_and_a_first_push_after_it_adds_to_them()
    {
        var storage = new CountingStorage();
        int withoutEvents;
        await using (var host = await StartAsync(storage))
        {
            await SeedAsync(host);
            withoutEvents = (await host.Plan().GetSnapshot()).ObservationCount;
            for (var i = 0; i < 5; i++)
                await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event($"e{i}", Day.AddDays(i * 30)), CreateOnly: true));
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Day.AddDays(30)) with { Audience = new(Employees: 5) }, 1));
            await host.Insats.RemoveEvent("e4", 1);
            Assert.Equal((4m, 65m), await ValuesAsync(host.Plan()));
        }

        await using (var restarted = await StartAsync(storage))
        {
            Assert.Equal((4m, 65m), await ValuesAsync(restarted.Plan()));
            Assert.Equal(withoutEvents + 4 * 2, (await restarted.Plan().GetSnapshot()).ObservationCount); // 2 per event
        }

        // The first call after this restart is an event's push: the plan reads the logs before adding it.
        await using var again = await StartAsync(storage);
        await again.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("new", Day), CreateOnly: true));
        Assert.Equal((5m, 85m), await ValuesAsync(again.Plan()));
        Assert.Equal((2m, 40m), await ValuesAsync(again.Plan(), Day));
        var rebuilt = await again.Plan().Rebuild();
        Assert.Equal((5m, 85m), await ValuesAsync(again.Plan()));
        Assert.Equal(withoutEvents + 5 * 2, rebuilt.ObservationCount);
    }

    private static Task<TestHost> StartAsync(CountingStorage storage) => TestHost.StartAsync(storage);

    private static async Task SeedAsync(TestHost host)
    {
        await host.SeedAsync(companies: 1);
        await host.Plan().Save(new SavePlan(TestHost.PlanContent with
        {
            Indicators = [.. TestHost.PlanContent.Indicators,
                new("informed", "Informerade anställda", IndicatorKind.CountInPeriod, new(MetricKind.InformedEmployees), 500,
                    TestHost.Dec31, PeriodStart: TestHost.Jan1)],
        }));
    }

    private static async Task<(decimal? Events, decimal? Informed)> ValuesAsync(IYearlyPlanGrain plan, DateOnly? asOf = null)
    {
        var values = await plan.Evaluate(asOf ?? TestHost.Dec31);
        return (values.Single(i => i.IndicatorId == "events").Value ?? 0, values.Single(i => i.IndicatorId == "informed").Value ?? 0);
    }

    private static int LastPlanWrite(CountingStorage storage, TestHost host) =>
        storage.Writes.Last(w => w.Grain == GrainId.Create("asf.plan", GrainKeys.Plan(TestHost.Owner, TestHost.InsatsId, 2017))).Bytes;
}
