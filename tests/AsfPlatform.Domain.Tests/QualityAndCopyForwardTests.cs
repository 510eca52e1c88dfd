using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Domain.Tests;

public class QualityAndCopyForwardTests
{
    [Fact]
    public void A_survey_whose_stated_total_differs_from_its_parts_gives_a_finding_and_totals_come_from_the_parts()
    {
        var s2018 = new CountySurvey(2018, new(2018, 10, 1), [new(Subregion.Halsingland, 20), new(Subregion.Gastrikland, 10)], 30,
            113, 91, 204, 152, 74, 17, 244, 235);
        var finding = Assert.Single(DataQuality.Check(s2018));
        Assert.Equal((244m, 243m), (finding.Stated, finding.Computed));
        Assert.Contains("differens 1", finding.Message);
        var participants = Observations.FromSurvey(s2018).Where(o => o.Metric == MetricKind.Participants).Sum(o => o.Value);
        Assert.Equal(243m, participants);
        Assert.Empty(DataQuality.Check(s2018 with { ParticipantsStated = 243 }));
    }

    [Fact]
    public void A_stated_period_total_is_compared_with_the_recorded_facts()
    {
        var places = new[] { 4, 4, 4, 7, 4 }.Select((n, i) => new Placement($"p{i}", 2016 + i % 3, "2104", n, "x", 200))
            .SelectMany(Observations.FromPlacement).ToList();
        var ok = new StatedTotal("beviljade", "Beviljade platser 2016–2018", MetricKind.PlacesGranted, new(2016, 1, 1), new(2018, 12, 31), 23, "Slutrapport");
        Assert.Empty(DataQuality.Check([ok], places));
        var off = Assert.Single(DataQuality.Check([ok with { Value = 25 }], places));
        Assert.Equal(23m, off.Computed);
    }

    [Fact]
    public void Next_years_plan_copies_sections_goals_indicators_and_only_unfinished_activities()
    {
        var plan = new PlanContent("Handlingsplan 2017",
            [new("1", "Bakgrund", "Text")],
            [new("3.2.1", "Känt")],
            [new("a1", "3.2.1", "Frukostmöten", "Bjuda in", "Processledare", "10 ggr 2017"),
             new("a2", "3.2.1", "Mässa", "Delta", "Processledare", "Våren 2017", Done: true)],
            [new("events", "Informationsinsatser", IndicatorKind.CountInPeriod, new(MetricKind.InformationEvents), 50, new(2017, 12, 31), PeriodStart: new(2017, 1, 1)),
             new("asf", "Aktiva ASF", IndicatorKind.StockAtDate, new(MetricKind.RegisteredCompanies), 30, new(2017, 12, 31), BaselineValue: 25, BaselineDate: new(2017, 1, 1)),
             new("growth", "Anställda +15 %", IndicatorKind.GrowthRelativeToBaseline, new(MetricKind.Employed), 15, new(2020, 12, 31), BaselineDate: new(2016, 10, 1))],
            [new("b", "Insatsen", 800_000)],
            [new("Processledare", "Processledare")],
            DecidedOn: new(2016, 12, 15));
        var next = CopyForward.NextYear(plan, 2017);
        Assert.Equal("Handlingsplan 2018", next.Title);
        Assert.Null(next.DecidedOn); // next year's plan is a draft until the board decides it
        Assert.Equal(plan.Sections, next.Sections);
        Assert.Equal(plan.Goals, next.Goals);
        Assert.Equal(["a1"], next.Activities.Select(a => a.Id));
        var events = next.Indicators[0];
        Assert.Equal((new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31)), (events.PeriodStart!.Value, events.TargetDate));
        var asf = next.Indicators[1];
        Assert.Null(asf.BaselineValue); // measured from the facts at the new baseline date, never typed
        Assert.Equal(new DateOnly(2017, 12, 31), asf.BaselineDate);
        Assert.Equal(plan.Indicators[2], next.Indicators[2]);
    }

    [Theory]
    [InlineData("2016-12-15", true)]
    [InlineData("2015-01-01", true)]
    [InlineData("2014-12-31", false)]
    [InlineData("2018-01-01", false)]
    public void A_plans_decision_date_lies_in_its_year_or_the_two_before(string date, bool valid)
    {
        var plan = PlanTemplates.Empty(2017) with { DecidedOn = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) };

        var errors = AsfPlatform.Domain.Validation.FactRules.Plan(plan, 2017).Errors;

        Assert.Equal(valid, errors.All(e => e.Field != "beslutad"));
    }
}
