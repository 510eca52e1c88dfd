using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Grains.Tests;

/// <summary>
/// A municipality's own facts are the municipality's: recorded once, seen by every owner that works with it, kept when
/// one owner stops working with it.
/// </summary>
public class SharedMunicipalFactsTests
{
    private const string OtherOwner = "test-owner-b";

    private static MunicipalMilestone SupportStructure(string id = "ss") =>
        new(id, MunicipalMilestoneKind.JoinedSupportStructure, new(2017, 5, 1), "Stödstruktur", "Kommunstyrelsen");

    /// <summary>A second owner with the same municipality and a plan counting municipalities in the support structure.</summary>
    private static async Task<(IMunicipalityGrain Municipality, IYearlyPlanGrain Plan)> SecondOwnerAsync(TestHost host)
    {
        var grains = host.Grains;
        await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(OtherOwner))
            .Register(new RegisterOwner("Regionen", OwnerKind.Region, Subregions: Subregion.Gavleborg));
        await grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(OtherOwner, TestHost.InsatsId))
            .Define(new DefineInsats(new(TestHost.InsatsId, "Regionens insats", new(2017, 1, 1), new(2018, 12, 31), [], [], [])));
        var municipality = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(OtherOwner, "2184"));
        await municipality.Register(new RegisterMunicipality("Hudiksvall", null, 0));
        var plan = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(OtherOwner, TestHost.InsatsId, 2017));
        await plan.Save(new SavePlan(TestHost.PlanContent));
        return (municipality, plan);
    }

    private static async Task<decimal?> SupportAsync(IYearlyPlanGrain plan) =>
        (await plan.Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "support").Value;

    /// <summary>Another owner's plans hear one-way; they have it within moments, not necessarily before the answer.</summary>
    private static async Task<decimal?> EventuallyAsync(Func<Task<decimal?>> read, decimal? expected)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        decimal? value;
        while ((value = await read()) != expected && DateTime.UtcNow < until) await Task.Delay(50);
        return value;
    }

    [Fact]
    public async Task A_milestone_recorded_through_one_owner_is_the_municipalitys_for_every_owner_and_their_plans()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var (other, otherPlan) = await SecondOwnerAsync(host);

        await host.Municipality("2184").RecordMilestone(new RecordMunicipalMilestone(SupportStructure()));

        Assert.Equal(["ss"], (await other.GetSnapshot()).Milestones.Select(m => m.Id));
        Assert.Equal(1m, await SupportAsync(host.Plan()));
        Assert.Equal(1m, await EventuallyAsync(() => SupportAsync(otherPlan), 1m));
    }

    [Fact]
    public async Task A_plan_created_after_the_fact_reads_the_shared_milestones()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Municipality("2184").RecordMilestone(new RecordMunicipalMilestone(SupportStructure()));

        var (_, otherPlan) = await SecondOwnerAsync(host);

        Assert.Equal(1m, await SupportAsync(otherPlan));
    }

    [Fact]
    public async Task A_version_read_before_another_owner_changed_the_facts_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var (other, _) = await SecondOwnerAsync(host);
        var read = (await host.Municipality("2184").GetSnapshot()).Version;

        await other.RecordMilestone(new RecordMunicipalMilestone(SupportStructure("ss-b"), (await other.GetSnapshot()).Version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.Municipality("2184").RecordMilestone(new RecordMunicipalMilestone(SupportStructure("ss-a"), read)));
        Assert.Equal(["ss-b"], (await host.Municipality("2184").GetSnapshot()).Milestones.Select(m => m.Id));
    }

    [Fact]
    public async Task An_owner_that_stops_working_with_a_municipality_loses_it_from_its_list_and_plans_while_the_facts_stay()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var (other, otherPlan) = await SecondOwnerAsync(host);
        await host.Municipality("2184").RecordMilestone(new RecordMunicipalMilestone(SupportStructure()));
        Assert.Equal(1m, await EventuallyAsync(() => SupportAsync(otherPlan), 1m));

        var removed = await other.Remove((await other.GetSnapshot()).Version);

        Assert.False(removed.Exists);
        Assert.DoesNotContain("2184", (await host.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(OtherOwner)).GetSnapshot()).Municipalities);
        Assert.Null(await SupportAsync(otherPlan));
        Assert.Equal(1m, await SupportAsync(host.Plan()));
        Assert.Equal(["ss"], (await host.Municipality("2184").GetSnapshot()).Milestones.Select(m => m.Id));

        var again = await other.Register(new RegisterMunicipality("Hudiksvall", null, 0));

        Assert.True(again.Exists);
        Assert.Equal(["ss"], again.Milestones.Select(m => m.Id));
        Assert.Equal(1m, await SupportAsync(otherPlan));
    }

    [Fact]
    public async Task Adding_a_municipality_the_owner_already_has_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.Municipality("2184").Register(new RegisterMunicipality("Hudiksvall", "Gastrikland", 0)));
        Assert.Equal("Halsingland", (await host.Municipality("2184").GetSnapshot()).Subregion);
    }
}
