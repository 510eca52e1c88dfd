using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Plans;

namespace AsfPlatform.Reporting;

/// <summary>
/// Holds an indicator to what its words say it measures. The 2017 plan counts "aktivt verksamma ASF" (baseline 25
/// active companies) while the surveys count registered ones (34): comparing the two would call the target met on a
/// figure of another kind. Such an indicator has no data for what it names; its source says what was counted, with the
/// figure and its date, and no status is drawn from it. Applied once where the report context is made, so every
/// report, table, chart and summary says the same.
/// </summary>
public static class IndicatorMeaning
{
    /// <summary>Whether the indicator's value counts something other than what its title names: registered companies
    /// for an indicator of active ones.</summary>
    public static bool CountsOtherThanItsTitle(IndicatorDefinition definition) =>
        definition.Source.Metric == MetricKind.RegisteredCompanies
        && definition.Title.Contains("aktiv", StringComparison.CurrentCultureIgnoreCase);

    /// <summary>The evaluation as the reports show it: unchanged, or without a value and a status where the value counts
    /// another thing than the indicator names (see <see cref="CountsOtherThanItsTitle"/>).</summary>
    public static IndicatorEvaluation Apply(IndicatorDefinition? definition, IndicatorEvaluation evaluation)
    {
        if (definition is null || !CountsOtherThanItsTitle(definition) || evaluation.Value is not { } registered)
            return evaluation;
        var at = evaluation.LatestFigure is { } date ? $" per {SwedishFormat.Date(date)}" : "";
        return evaluation with
        {
            Value = null, Women = null, Men = null, Expected = null, PercentOfTargetMet = null,
            Status = IndicatorStatus.NoData,
            StatusText = IndicatorEvaluation.Swedish(IndicatorStatus.NoData),
            Milestones = [.. evaluation.Milestones.Select(m => m with { Value = null, Met = null })],
            Source = $"Antalet aktivt verksamma ASF finns inte registrerat. Registrerade ASF{at}: {SwedishFormat.Number(registered)} (länsuppföljningen räknar registrerade, inte aktivt verksamma företag, så målbilden kan inte bedömas med den).",
        };
    }

    /// <summary>The plan's evaluations as the reports show them.</summary>
    public static IReadOnlyList<IndicatorEvaluation> Apply(PlanContent? plan, IReadOnlyList<IndicatorEvaluation> evaluations)
    {
        var definitions = plan?.Indicators.ToDictionary(d => d.Id) ?? [];
        return [.. evaluations.Select(e => Apply(definitions.GetValueOrDefault(e.IndicatorId), e))];
    }

    /// <summary>
    /// Where and when a stock value was measured: "länsuppföljningen hösten 2016 (2016-10-01)" when a county survey of
    /// that date gave it, else "uppgift per 2017-05-31"; null for counts over a period and values without data.
    /// </summary>
    public static string? FigureDate(IndicatorEvaluation evaluation, IEnumerable<SurveySnapshot> surveys)
    {
        if (evaluation.Kind != IndicatorKind.StockAtDate || evaluation.Value is null || evaluation.LatestFigure is not { } date)
            return null;
        return surveys.Any(s => s.Survey.Date == date)
            ? $"länsuppföljningen {SwedishText.Season(date).ToLowerInvariant()} ({SwedishFormat.Date(date)})"
            : $"uppgift per {SwedishFormat.Date(date)}";
    }
}
