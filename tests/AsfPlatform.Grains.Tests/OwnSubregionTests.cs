using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;

namespace AsfPlatform.Grains.Tests;

/// <summary>An owner outside Gävleborg counts its facts in the subregions it named, where it placed its municipalities.</summary>
public class OwnSubregionTests
{
    private const string Owner = "finsam-vasterbotten", InsatsId = "asf-norr";

    [Fact]
    public async Task Events_count_in_the_owners_own_subregion_and_follow_their_municipality_when_it_moves()
    {
        await using var host = await TestHost.StartAsync();
        var grains = host.Grains;
        await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(Owner)).Register(new RegisterOwner("Finsam Västerbotten",
            OwnerKind.Samordningsforbund, Subregions: [new("norr", "Norra länet"), new("soder", "Södra länet")]));
        var umea = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(Owner, "2480"));
        await umea.Register(new RegisterMunicipality("Umeå", "norr", 0));
        var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, InsatsId));
        await insats.Define(new DefineInsats(new(InsatsId, "ASF i norr", new(2017, 1, 1), new(2018, 12, 31), [], [], [])));
        var plan = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(Owner, InsatsId, 2017));
        IndicatorDefinition EventsIn(string subregion) => new($"events-{subregion}", $"Informationsinsatser i {subregion}",
            IndicatorKind.CountInPeriod, new(MetricKind.InformationEvents), 5, TestHost.Dec31, PeriodStart: TestHost.Jan1,
            Scope: new IndicatorScope(ScopeLevel.Subregion, subregion));
        await plan.Save(new SavePlan(TestHost.PlanContent with { Indicators = [EventsIn("norr"), EventsIn("soder")] }));
        await insats.RecordEvent(new RecordInformationEvent(
            new("e1", new(2017, 4, 1), EventType.Seminarium, "Seminarium om ASF", "2480", ["Förbundet"], new(Employees: 10))));

        async Task<(decimal? Norr, decimal? Soder)> CountsAsync()
        {
            var all = await plan.Evaluate(TestHost.Dec31);
            return (all.Single(i => i.IndicatorId == "events-norr").Value, all.Single(i => i.IndicatorId == "events-soder").Value);
        }

        Assert.Equal((1m, (decimal?)null), await CountsAsync());

        await umea.Register(new RegisterMunicipality("Umeå", "soder", (await umea.GetSnapshot()).Version));

        Assert.Equal(((decimal?)null, 1m), await CountsAsync());
    }
}
