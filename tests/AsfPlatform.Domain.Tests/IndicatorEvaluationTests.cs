using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Tests;

public class IndicatorEvaluationTests
{
    private static readonly DateOnly Jan1 = new(2017, 1, 1), Dec31 = new(2017, 12, 31);

    private static Observation Event(DateOnly d, string id = "e") =>
        new(MetricKind.InformationEvents, "event/" + id + d, "event/" + id + d, d, 1, Category: "Seminarium");

    private static Observation Stock(MetricKind m, DateOnly d, decimal v, string series = "company/a", int? w = null, int? men = null) =>
        new(m, series, series, d, v, w, men);

    private static IndicatorDefinition Events50 => new("i", "Informationsinsatser", IndicatorKind.CountInPeriod,
        new(MetricKind.InformationEvents), 50, Dec31, PeriodStart: Jan1);

    [Fact]
    public void A_count_in_period_sums_only_the_facts_inside_the_period_up_to_the_evaluation_date()
    {
        var obs = new[] { Event(new(2016, 12, 31)), Event(new(2017, 3, 1)), Event(new(2017, 9, 1)), Event(new(2018, 1, 1)) };
        Assert.Equal(1, IndicatorEvaluator.Evaluate(Events50, obs, new(2017, 6, 30)).Value);
        Assert.Equal(2, IndicatorEvaluator.Evaluate(Events50, obs, new(2019, 1, 1)).Value);
    }

    [Fact]
    public void Progress_at_or_ahead_of_the_straight_path_is_on_track_slightly_behind_at_risk_far_behind_off_track()
    {
        var mid = new DateOnly(2017, 7, 2); // about half the year: the path expects ~25 of 50
        var onTrack = Enumerable.Range(0, 26).Select(i => Event(Jan1.AddDays(i), "a")).ToList();
        var atRisk = onTrack.Take(20).ToList();   // 40 % of the way, expected ~50 %
        var offTrack = onTrack.Take(5).ToList();
        Assert.Equal(IndicatorStatus.OnTrack, IndicatorEvaluator.Evaluate(Events50, onTrack, mid).Status);
        Assert.Equal(IndicatorStatus.AtRisk, IndicatorEvaluator.Evaluate(Events50, atRisk, mid).Status);
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorEvaluator.Evaluate(Events50, offTrack, mid).Status);
    }

    [Fact]
    public void An_unmet_target_at_the_target_date_is_off_track_and_a_met_one_is_achieved()
    {
        var obs = Enumerable.Range(0, 49).Select(i => Event(Jan1.AddDays(i))).ToList();
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorEvaluator.Evaluate(Events50, obs, Dec31).Status);
        obs.Add(Event(new(2017, 12, 1)));
        var met = IndicatorEvaluator.Evaluate(Events50, obs, Dec31);
        Assert.Equal(IndicatorStatus.Achieved, met.Status);
        Assert.Equal(100m, met.PercentOfTargetMet);
    }

    [Fact]
    public void Percent_of_target_met_is_correct_when_the_target_lies_below_the_baseline()
    {
        // Decreasing: 100 people in long-term support at the start, target 80 by year end; now 90 = half the way.
        var d = new IndicatorDefinition("d", "Minskning", IndicatorKind.StockAtDate, new(MetricKind.Participants), 80, Dec31,
            Direction.Decrease, BaselineValue: 100, BaselineDate: Jan1);
        var e = IndicatorEvaluator.Evaluate(d, [Stock(MetricKind.Participants, new(2017, 7, 1), 90)], new(2017, 7, 2));
        Assert.Equal(50m, e.PercentOfTargetMet);
        Assert.Equal(IndicatorStatus.OnTrack, e.Status);
        var worse = IndicatorEvaluator.Evaluate(d, [Stock(MetricKind.Participants, new(2017, 7, 1), 110)], new(2017, 7, 2));
        Assert.Equal(-50m, worse.PercentOfTargetMet);
        Assert.Equal(IndicatorStatus.OffTrack, worse.Status);
        var done = IndicatorEvaluator.Evaluate(d, [Stock(MetricKind.Participants, new(2017, 11, 1), 79)], Dec31);
        Assert.Equal(IndicatorStatus.Achieved, done.Status);
    }

    [Fact]
    public void A_decreasing_target_is_not_achieved_by_a_value_above_it()
    {
        var d = new IndicatorDefinition("d", "Minskning", IndicatorKind.StockAtDate, new(MetricKind.Participants), 80, Dec31,
            Direction.Decrease, BaselineValue: 100, BaselineDate: Jan1);
        Assert.Equal(IndicatorStatus.OffTrack,
            IndicatorEvaluator.Evaluate(d, [Stock(MetricKind.Participants, new(2017, 11, 1), 85)], Dec31).Status);
    }

    [Fact]
    public void Growth_is_measured_against_the_baseline_and_each_intermediate_milestone_is_judged_at_its_date()
    {
        var d = new IndicatorDefinition("g", "Anställda +15 %", IndicatorKind.GrowthRelativeToBaseline, new(MetricKind.Employed),
            15, new(2020, 12, 31), BaselineDate: new(2016, 10, 1), Milestones: [new(new(2018, 12, 31), 5)]);
        var obs = new[]
        {
            Stock(MetricKind.Employed, new(2016, 10, 1), 200), Stock(MetricKind.Employed, new(2018, 10, 1), 208),
            Stock(MetricKind.Employed, new(2020, 10, 1), 232),
        };
        var at2019 = IndicatorEvaluator.Evaluate(d, obs, new(2019, 1, 1));
        Assert.Equal(4m, at2019.Value);
        Assert.False(at2019.Milestones.Single().Met);            // +4 % < +5 % by 2018
        Assert.Equal(5m, at2019.Expected!.Value, 0);              // the path passes through the milestone
        var at2020 = IndicatorEvaluator.Evaluate(d, obs, new(2020, 12, 31));
        Assert.Equal(16m, at2020.Value);
        Assert.Equal(IndicatorStatus.Achieved, at2020.Status);
    }

    [Fact]
    public void A_yes_no_milestone_is_achieved_by_a_tagged_fact_on_track_before_the_deadline_and_off_track_after()
    {
        var d = new IndicatorDefinition("m", "Länsråd initierat", IndicatorKind.Milestone,
            new(MetricKind.InsatsMilestones, Categories: ["lansrad"]), 1, Dec31, PeriodStart: Jan1);
        Assert.Equal(IndicatorStatus.OnTrack, IndicatorEvaluator.Evaluate(d, [], new(2017, 6, 1)).Status);
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorEvaluator.Evaluate(d, [], Dec31).Status);
        var other = new Observation(MetricKind.InsatsMilestones, "milestone/x", "milestone/x", new(2017, 5, 1), 1, Category: "film");
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorEvaluator.Evaluate(d, [other], Dec31).Status);
        var hit = other with { Category = "lansrad" };
        Assert.Equal(IndicatorStatus.Achieved, IndicatorEvaluator.Evaluate(d, [hit], Dec31).Status);
        Assert.Equal(IndicatorStatus.OnTrack, IndicatorEvaluator.Evaluate(d, [hit], new(2017, 4, 30)).Status);
    }

    [Fact]
    public void A_rate_divides_numerator_by_denominator_in_percent()
    {
        var d = new IndicatorDefinition("r", "Arbete/studier", IndicatorKind.Rate,
            new(MetricKind.PlacementOutcomeWorkOrStudies, MetricKind.PlacementParticipants), 30, Dec31, PeriodStart: Jan1);
        var p = new Placement("p", 2017, "2184", 4, "psykisk ohälsa", 200, new(4, 4, 3, 1), new(Work: 1, Studies: 1, Continued: 2));
        var e = IndicatorEvaluator.Evaluate(d, Observations.FromPlacement(p), Dec31);
        Assert.Equal(50m, e.Value);
        Assert.Equal(IndicatorStatus.Achieved, e.Status);
        Assert.Equal(IndicatorStatus.NoData, IndicatorEvaluator.Evaluate(d, [], Dec31).Status);
    }

    [Fact]
    public void Without_any_contributing_fact_the_indicator_has_no_data_rather_than_zero()
    {
        var d = new IndicatorDefinition("p", "Politiker", IndicatorKind.CountInPeriod, new(MetricKind.InformedPoliticians), 250, Dec31, PeriodStart: Jan1);
        var e = IndicatorEvaluator.Evaluate(d, Observations.FromEvent(new("e1", new(2017, 2, 1), EventType.Konferens, "Konferens", "2183", [], new())), Dec31);
        Assert.Equal(IndicatorStatus.NoData, e.Status);
        Assert.Null(e.Value);
        Assert.Equal("Saknar data", e.StatusText);
    }

    [Fact]
    public void The_county_survey_is_used_until_company_figures_newer_than_it_exist_and_the_two_are_never_added()
    {
        var survey = Observations.FromSurvey(new(2017, new(2017, 10, 1), [new(Subregion.Halsingland, 24), new(Subregion.Gastrikland, 10)],
            34, 137, 91, 228, 155, 65, 10, 230, 586));
        var company = Observations.FromCompany(new("asf-a", "A", null, LegalForm.EkonomiskForening, "2184", null, new(true, true, true, true), new(2010, 1, 1), null),
            [new(new(2018, 3, 1), 5, 3, 8, 1, 1, 0)]);
        var d = new IndicatorDefinition("e", "Anställda", IndicatorKind.StockAtDate, new(MetricKind.Employed), 200, new(2018, 12, 31), SplitBySex: true);
        var all = survey.Concat(company).ToList();
        var before = IndicatorEvaluator.Evaluate(d, all, new(2017, 12, 31));
        Assert.Equal((228m, 137, 91), (before.Value!.Value, before.Women!.Value, before.Men!.Value));
        Assert.Equal(8m, IndicatorEvaluator.Evaluate(d, all, new(2018, 6, 1)).Value);
    }

    [Fact]
    public void A_subregion_scope_counts_only_that_subregion_and_a_municipality_scope_only_that_municipality()
    {
        var survey = Observations.FromSurvey(new(2017, new(2017, 10, 1), [new(Subregion.Halsingland, 24), new(Subregion.Gastrikland, 10)],
            null, 1, 1, null, 0, 0, 0, null, null));
        var d = new IndicatorDefinition("c", "Företag", IndicatorKind.StockAtDate, new(MetricKind.RegisteredCompanies), 30, Dec31);
        Assert.Equal(34m, IndicatorEvaluator.Evaluate(d, survey, Dec31).Value);
        Assert.Equal(24m, IndicatorEvaluator.Evaluate(d with { Scope = new(ScopeLevel.Subregion, "Halsingland") }, survey, Dec31).Value);
        var m = Observations.FromMunicipality(new("2184", "Hudiksvall", Subregion.Halsingland),
            [new("s", MunicipalMilestoneKind.JoinedSupportStructure, new(2016, 1, 1), "Stödstruktur")]);
        var s = new IndicatorDefinition("s", "Kommuner", IndicatorKind.StockAtDate, new(MetricKind.MunicipalitiesInSupportStructure), 1, Dec31,
            Scope: new(ScopeLevel.Municipality, "2183"));
        Assert.Equal(IndicatorStatus.NoData, IndicatorEvaluator.Evaluate(s, m, Dec31).Status);
        Assert.Equal(1m, IndicatorEvaluator.Evaluate(s with { Scope = new(ScopeLevel.Municipality, "2184") }, m, Dec31).Value);
    }

    [Fact]
    public void Leaving_a_support_structure_removes_the_municipality_from_the_stock_from_that_date()
    {
        var m = Observations.FromMunicipality(new("2184", "Hudiksvall", Subregion.Halsingland),
        [
            new("in", MunicipalMilestoneKind.JoinedSupportStructure, new(2016, 1, 1), "In"),
            new("out", MunicipalMilestoneKind.LeftSupportStructure, new(2017, 6, 1), "Ut"),
        ]);
        var d = new IndicatorDefinition("s", "Kommuner", IndicatorKind.StockAtDate, new(MetricKind.MunicipalitiesInSupportStructure), 5, Dec31,
            BaselineValue: 3, BaselineDate: Jan1);
        Assert.Equal(1m, IndicatorEvaluator.Evaluate(d, m, new(2017, 5, 31)).Value);
        Assert.Equal(0m, IndicatorEvaluator.Evaluate(d, m, new(2017, 6, 1)).Value);
    }
}
