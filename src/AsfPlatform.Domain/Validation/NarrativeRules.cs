using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Validation;

/// <summary>The rules of an insats' own texts: each a long text free of personal identity numbers, each year inside
/// the insats period and written once.</summary>
public static class NarrativeRules
{
    /// <summary>The field names problems use, in the order the texts page shows them.</summary>
    public const string Assignment = "uppdrag", Background = "bakgrund", IndividualTrack = "individinsatser", Lessons = "lardomar",
        StructuralSummary = "strukturSammanfattning", Analysis = "analys", Conclusions = "slutsatser", Years = "ar";

    public static Validator Check(InsatsNarrative n, Insats i)
    {
        var v = new Validator()
            .Text(Assignment, n.Assignment, Validator.LongText).Text(Background, n.Background, Validator.LongText)
            .Text(IndividualTrack, n.IndividualTrack, Validator.LongText).Text(Lessons, n.Lessons, Validator.LongText)
            .Text(StructuralSummary, n.StructuralSummary, Validator.LongText).Text(Analysis, n.Analysis, Validator.LongText)
            .Text(Conclusions, n.Conclusions, Validator.LongText);
        var years = n.Years ?? [];
        for (var k = 0; k < years.Count; k++)
        {
            var y = years[k];
            v.Require(y is not null, $"{Years}[{k}]", "Året saknas.");
            if (y is null) continue;
            v.Require(y.Year >= i.PeriodStart.Year && y.Year <= i.PeriodEnd.Year, $"{Years}[{k}].ar",
                    $"Året {y.Year} ligger utanför insatsens period ({i.PeriodStart.Year}–{i.PeriodEnd.Year}).")
                .Require(years.Take(k).All(o => o?.Year != y.Year), $"{Years}[{k}].ar", $"Året {y.Year} finns redan; varje år har en text.")
                .Text($"{Years}[{k}].text", y.Text, Validator.LongText, required: true);
        }
        return v;
    }
}
