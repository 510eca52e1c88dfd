using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Reporting;

/// <summary>Swedish wording of indicator values, baselines, targets and outcomes, the same in every report that shows indicators.</summary>
public static class IndicatorText
{
    /// <summary>A value in the indicator's own terms: "34", "12,5 %", "+5 %", "Ja"/"Nej", or "saknar data".</summary>
    public static string Value(IndicatorKind kind, decimal? value, string? unit = null) => value switch
    {
        null => "saknar data",
        { } v when kind == IndicatorKind.Milestone => v > 0 ? "Ja" : "Nej",
        { } v when kind == IndicatorKind.GrowthRelativeToBaseline => (v > 0 ? "+" : "") + SwedishFormat.Number(v, 1) + SwedishFormat.Space + "%",
        { } v when kind == IndicatorKind.Rate || unit == "%" => SwedishFormat.Number(v, 1) + SwedishFormat.Space + "%",
        { } v => SwedishFormat.Number(v, 1),
    };

    /// <summary>The baseline: "25 (2017-01-01)", "0 vid periodens start" for counts, or "–".</summary>
    public static string Baseline(IndicatorDefinition definition, IndicatorEvaluation? evaluation)
    {
        switch (definition.Kind)
        {
            // A count over the period starts from nothing; a milestone has not happened at the start.
            case IndicatorKind.CountInPeriod:
                return definition.PeriodStart is { } start ? $"0 ({SwedishFormat.Date(start)})" : "0";
            case IndicatorKind.Milestone:
                return definition.PeriodStart is { } from ? $"Nej ({SwedishFormat.Date(from)})" : "Nej";
            case IndicatorKind.Rate:
                return definition.BaselineValue is { } rate ? Value(definition.Kind, rate, definition.Unit) : "–";
            case IndicatorKind.GrowthRelativeToBaseline:
                return definition.BaselineDate is { } growthFrom ? $"Nivån {SwedishFormat.Date(growthFrom)}" : "–";
        }
        var value = definition.BaselineValue ?? evaluation?.Baseline;
        var at = definition.BaselineDate is { } date ? $" ({SwedishFormat.Date(date)})" : "";
        return value is null ? "–" + at : Value(definition.Kind, value, definition.Unit) + at;
    }

    /// <summary>The målbild: "30 (2017-12-31)", with growth milestones, e.g. "+15 % (2020-12-31); delmål +5 % (2018-12-31)".</summary>
    public static string Target(IndicatorDefinition definition)
    {
        var target = definition.Kind == IndicatorKind.Milestone
            ? $"Ja ({SwedishFormat.Date(definition.TargetDate)})"
            : $"{(definition.Kind == IndicatorKind.GrowthRelativeToBaseline ? "+" : "")}{Value(definition.Kind == IndicatorKind.GrowthRelativeToBaseline ? IndicatorKind.Rate : definition.Kind, definition.TargetValue, definition.Unit)} ({SwedishFormat.Date(definition.TargetDate)})";
        var milestones = definition.EffectiveMilestones
            .Select(m => $"delmål {(definition.Kind == IndicatorKind.GrowthRelativeToBaseline ? "+" : "")}{SwedishFormat.Number(m.Target, 1)}{(definition.Kind is IndicatorKind.GrowthRelativeToBaseline or IndicatorKind.Rate ? SwedishFormat.Space + "%" : "")} ({SwedishFormat.Date(m.Date)})");
        return string.Join("; ", new[] { target }.Concat(milestones));
    }

    /// <summary>The measured value with its split by sex where the source has it: "228 (137 kvinnor, 91 män)".</summary>
    public static string Outcome(IndicatorEvaluation evaluation, string? unit = null)
    {
        var value = Value(evaluation.Kind, evaluation.Value, unit);
        return evaluation is { Women: { } women, Men: { } men, Value: not null }
            ? $"{value} ({SwedishFormat.Number(women)} kvinnor, {SwedishFormat.Number(men)} män)"
            : value;
    }

    /// <summary>
    /// The status in the plan's own words at the evaluation date: before the target date "I fas" or "Ej i fas" (a target
    /// already met is in phase), at or after it "Uppnått" or "Ej uppnått"; "Saknar data" when nothing was measured.
    /// </summary>
    public static string Status(IndicatorEvaluation evaluation) => evaluation.Status switch
    {
        IndicatorStatus.NoData => "Saknar data",
        _ when evaluation.AsOf >= evaluation.TargetDate => evaluation.Status == IndicatorStatus.Achieved ? "Uppnått" : "Ej uppnått",
        IndicatorStatus.Achieved or IndicatorStatus.OnTrack => "I fas",
        _ => "Ej i fas",
    };

    /// <summary>
    /// How many indicators have each status in the words of <see cref="Status"/> at their date, in the order of
    /// <see cref="StatusOrder"/>: "4 uppnådda, 5 ej uppnådda och 2 utan data" — the same words as the table beside it.
    /// </summary>
    public static string StatusCounts(IEnumerable<IndicatorEvaluation> evaluations) =>
        SwedishText.Join(evaluations.GroupBy(Status).OrderBy(g => StatusOrder.ToList().IndexOf(g.Key)).Select(g => g.Key switch
        {
            "Uppnått" => SwedishText.Count(g.Count(), "uppnådd", "uppnådda"),
            "Ej uppnått" => SwedishText.Count(g.Count(), "ej uppnådd", "ej uppnådda"),
            "Saknar data" => SwedishText.Count(g.Count(), "utan data", "utan data"),
            var words => SwedishText.Count(g.Count(), words.ToLowerInvariant(), words.ToLowerInvariant()),
        }));

    /// <summary>The status words in the order reports list them.</summary>
    public static IReadOnlyList<string> StatusOrder { get; } = ["Uppnått", "I fas", "Ej i fas", "Ej uppnått", "Saknar data"];
}
