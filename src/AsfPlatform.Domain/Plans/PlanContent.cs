using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Domain.Plans;

/// <summary>A numbered section of the handlingsplan ("1.2 Dubbla affärsidéer"), editable text.</summary>
[GenerateSerializer, Immutable, Alias("asf.PlanSection")]
public sealed record PlanSection(string Number, string Title, string Text);

/// <summary>A process goal (processmål), e.g. "3.2.1".</summary>
[GenerateSerializer, Immutable, Alias("asf.ProcessGoal")]
public sealed record ProcessGoal(string Id, string Text);

/// <summary>A row of Bilaga 1 Aktivitetsplan: Aktivitet | Hur | Ansvarig | När, under a process goal.</summary>
[GenerateSerializer, Immutable, Alias("asf.PlanActivity")]
public sealed record PlanActivity(string Id, string GoalId, string Activity, string How, string Responsible, string When, bool Done = false);

[GenerateSerializer, Immutable, Alias("asf.BudgetLine")]
public sealed record BudgetLine(string Id, string Title, decimal Amount);

/// <summary>An organisation role stored by title only (no names or contact details of persons).</summary>
[GenerateSerializer, Immutable, Alias("asf.OrganisationRole")]
public sealed record OrganisationRole(string Role, string Title);

/// <summary>The editable content of a yearly plan. <c>DecidedOn</c>: the day the board decided the plan (null until it
/// is decided, or when it is not recorded); the handlingsplan's cover gives it as the plan's date.</summary>
[GenerateSerializer, Immutable, Alias("asf.PlanContent")]
public sealed record PlanContent(
    string Title,
    IReadOnlyList<PlanSection> Sections,
    IReadOnlyList<ProcessGoal> Goals,
    IReadOnlyList<PlanActivity> Activities,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyList<BudgetLine> Budget,
    IReadOnlyList<OrganisationRole> Organisation,
    DateOnly? DecidedOn = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal BudgetTotal => Budget.Sum(b => b.Amount);

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlySet<MetricKind> Metrics => Indicators.SelectMany(i => i.Metrics).ToHashSet();
}

/// <summary>Creating next year's plan from this year's.</summary>
public static class CopyForward
{
    /// <summary>
    /// Copies sections, goals, indicators and unfinished activities. Dates inside <paramref name="fromYear"/> move one
    /// year on, and an indicator whose target lies in the year starts the next year from this year's outcome: a stock's
    /// (or growth's) baseline is measured from the facts at this year's target date (not typed, so late facts count);
    /// a rate, which has no stock to measure, takes this year's rate from <paramref name="outcomes"/> (indicator id →
    /// value at the target date). Counts start again from zero each period. Indicators whose dates lie beyond the year
    /// (multi-year growth goals) are kept as they are. The copy is undecided (no decision date).
    /// </summary>
    public static PlanContent NextYear(PlanContent content, int fromYear, IReadOnlyDictionary<string, decimal>? outcomes = null)
    {
        DateOnly Shift(DateOnly d) => d.Year == fromYear ? d.AddYears(1) : d;
        DateOnly? ShiftN(DateOnly? d) => d is { } x ? Shift(x) : null;

        var indicators = content.Indicators.Select(i =>
        {
            if (i.TargetDate.Year != fromYear) return i;
            var next = i with
            {
                TargetDate = Shift(i.TargetDate),
                PeriodStart = ShiftN(i.PeriodStart),
                Milestones = i.Milestones?.Select(m => m with { Date = Shift(m.Date) }).ToList(),
            };
            return i.Kind switch
            {
                IndicatorKind.StockAtDate or IndicatorKind.GrowthRelativeToBaseline =>
                    next with { BaselineDate = i.TargetDate, BaselineValue = null },
                IndicatorKind.Rate when outcomes?.TryGetValue(i.Id, out var rate) == true =>
                    next with { BaselineDate = i.TargetDate, BaselineValue = rate },
                _ => next with { BaselineDate = ShiftN(i.BaselineDate) },
            };
        }).ToList();

        var title = content.Title.Replace(fromYear.ToString(), (fromYear + 1).ToString(), StringComparison.Ordinal);
        return content with
        {
            Title = title,
            Activities = content.Activities.Where(a => !a.Done).ToList(),
            Indicators = indicators,
            DecidedOn = null, // next year's plan is a draft until the board decides it
        };
    }
}
