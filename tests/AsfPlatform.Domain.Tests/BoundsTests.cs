using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Domain.Tests;

/// <summary>Numbers and dates outside what any initiative holds are refused, before they can overflow or mislead.</summary>
public sealed class BoundsTests
{
    private static readonly Insats Insats = new("asf", "ASF", new(2016, 8, 1), new(2020, 12, 31), [], [], []);

    private static void AssertRefused(Validator v, string field, string reason) =>
        Assert.Contains(v.Errors, e => e.Field == field && e.Message.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void Placement_outcomes_that_would_overflow_when_summed_are_refused()
    {
        var outcomes = new PlacementOutcomes(Work: 600_000_000, Studies: 600_000_000, Af: 600_000_000, BackToPublicSupport: 600_000_000);
        var placement = new Placement("p", 2017, "2184", 4, "psykisk ohälsa", 200, new(4, 4, 3, 1), outcomes);

        AssertRefused(FactRules.Placement(placement, Insats), "utfall", "får inte vara större än antalet deltagare");
    }

    [Fact]
    public void A_count_of_int_max_is_refused_as_unreasonable()
    {
        var placement = new Placement("p", 2017, "2184", 4, "psykisk ohälsa", 200, new(4, 4, 3, 1), new(Work: int.MaxValue));

        AssertRefused(FactRules.Placement(placement, Insats), "utfall.arbete", "orimligt stort");
    }

    [Fact]
    public void A_budget_line_beyond_a_billion_is_refused()
    {
        var plan = new PlanContent("Handlingsplan 2017", [], [], [], [], [new BudgetLine("b", "Lön", 7.9e28m)], []);

        AssertRefused(FactRules.Plan(plan, 2017), "budget[0].belopp", "orimligt stort");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Company_figures_dated_at_the_ends_of_the_calendar_are_refused(int year, int month, int day)
    {
        var figures = new CompanyFigures(new DateOnly(year, month, day), 4, 3, null, 1, 1, 0);

        AssertRefused(FactRules.CompanyFigures(figures), "datum", "är orimligt");
    }

    [Fact]
    public void A_municipal_milestone_dated_0001_01_01_is_refused()
    {
        var milestone = new MunicipalMilestone("m", MunicipalMilestoneKind.PolicyAdopted, default, "Policy antagen");

        AssertRefused(FactRules.MunicipalMilestone(milestone), "datum", "är orimligt");
    }
}
