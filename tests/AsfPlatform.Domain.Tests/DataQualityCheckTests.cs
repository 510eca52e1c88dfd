using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Domain.Tests;

/// <summary>The two checks across facts: outcomes by sex against participants by sex, and totals the insats' own
/// texts state against the placements.</summary>
public sealed class DataQualityCheckTests
{
    private static Placement Line(string kommunkod, int year, int granted, int used, int women, int men, PlacementOutcomes? outcomes = null) =>
        new($"p{year}-{kommunkod}-{granted}", year, kommunkod, granted, "Målgrupp", 200, new PlacementUse(used, women + men, women, men), outcomes);

    [Fact]
    public void More_outcomes_for_men_than_men_took_part_in_a_municipality_and_year_is_a_finding_dated_at_the_year_end()
    {
        var finding = Assert.Single(DataQuality.CheckOutcomesBySex([Line("2132", 2018, 7, 7, 6, 1, new PlacementOutcomes(Work: 1, Af: 1, BackToPublicSupport: 5, Men: 2))]));

        Assert.Equal(("utfall-man", 2m, 1m, "2132", new DateOnly(2018, 12, 31)), (finding.Field, finding.Stated, finding.Computed, finding.Kommunkod, finding.Date));
        Assert.Equal("Placeringar 2018, kommun 2132: utfall anges för 2 män men 1 man deltog; differens 1.", finding.Message);
    }

    [Fact]
    public void Outcomes_by_sex_are_summed_over_the_lines_of_one_municipality_and_year_and_unstated_sexes_are_not_compared()
    {
        var lines = new[]
        {
            Line("2184", 2018, 4, 1, 1, 0, new PlacementOutcomes(Continued: 1, Women: 1)),
            Line("2184", 2018, 4, 2, 1, 1, new PlacementOutcomes(BackToPublicSupport: 2, Women: 1)),
            Line("2184", 2017, 4, 1, 1, 0, new PlacementOutcomes(Work: 1)),
        };
        // 2 outcomes for women against 2 women over the two 2018 lines; 2017 gives no sex.
        Assert.Empty(DataQuality.CheckOutcomesBySex(lines));
        var third = Line("2184", 2018, 2, 1, 0, 1, new PlacementOutcomes(Work: 1, Women: 1));
        Assert.Equal("utfall-kvinnor", Assert.Single(DataQuality.CheckOutcomesBySex([.. lines, third])).Field);
    }

    [Fact]
    public void A_total_stated_in_the_insats_own_text_that_differs_from_the_placements_is_a_finding_and_an_equal_one_is_not()
    {
        var placements = new[] { Line("2104", 2016, 4, 0, 0, 0), Line("2184", 2017, 4, 1, 1, 0), Line("2132", 2018, 7, 7, 6, 1) };
        var narrative = new InsatsNarrative(
            IndividualTrack: "Totalt beviljades medel för 16 handledda placeringar varav 8 nyttjades av 10 unika individer.",
            Years: [new YearNarrative(2017, "Under året fanns 8 beviljade platser.")]);

        var findings = DataQuality.CheckNarrative(narrative, placements, new DateOnly(2020, 12, 31));

        // 4 + 4 + 7 = 15 granted and 0 + 1 + 7 = 8 participants; the 2017 narrative counts up to 2017: 4 + 4 = 8, as stated.
        Assert.Equal(["beviljade", "deltagare"], findings.Select(f => f.Field));
        Assert.Equal([(16m, 15m), (10m, 8m)], findings.Select(f => (f.Stated, f.Computed)));
        Assert.All(findings, f => Assert.Equal(new DateOnly(2020, 12, 31), f.Date));
        Assert.Equal("Insatsens text \"Individinriktade insatser\" anger 16 handledda placeringar men de registrerade placeringarna ger 15 beviljade platser; differens 1.", findings[0].Message);
        Assert.Empty(DataQuality.CheckNarrative(new InsatsNarrative(IndividualTrack: "Totalt 15 handledda placeringar."), placements, new DateOnly(2020, 12, 31)));
    }

    [Fact]
    public void A_finding_is_known_at_a_date_on_or_after_the_date_it_speaks_of()
    {
        var finding = new DataQualityFinding("f", "Länsuppföljning 2018", "deltagare", 244, 243, "m", new DateOnly(2018, 10, 1));
        Assert.False(finding.KnownAt(new DateOnly(2017, 6, 30)));
        Assert.True(finding.KnownAt(new DateOnly(2018, 10, 1)));
        Assert.True((finding with { Date = null }).KnownAt(DateOnly.MinValue));
    }
}

/// <summary>Outcomes by sex are kept as stated, but never negative.</summary>
public sealed class OutcomesBySexRuleTests
{
    [Fact]
    public void A_negative_outcome_count_for_men_is_refused_naming_the_field_and_more_than_took_part_is_accepted()
    {
        var line = new Placement("p", 2018, "2132", 7, "Målgrupp", 200, new PlacementUse(7, 7, 6, 1), new PlacementOutcomes(Work: 1, Af: 1, Men: 2));
        var insats = new Insats("i", "Insats", new(2016, 8, 1), new(2020, 12, 31), [], [], []);
        Assert.Empty(AsfPlatform.Domain.Validation.FactRules.Placement(line, insats).Errors);
        var negative = line with { Outcomes = line.Outcomes! with { Men = -1 } };
        Assert.Equal("utfall.men", Assert.Single(AsfPlatform.Domain.Validation.FactRules.Placement(negative, insats).Errors).Field);
    }
}
