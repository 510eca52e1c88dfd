using AsfPlatform.Domain.Indicators;
using AsfPlatform.Reporting;

namespace AsfPlatform.Host.Pages.Shared;

/// <summary>
/// One indicator card: the evaluation with its definition's unit, written the way the Word reports write it
/// ("33,3 %", "586 st", "Ja"/"Nej"), with the source it is counted from and the date of its latest figure.
/// </summary>
public sealed record IndicatorCard(IndicatorEvaluation Evaluation, IndicatorDefinition? Definition)
{
    /// <summary>The definition's unit ("%", "st", "kr"), if it names one.</summary>
    public string? Unit => Definition?.Unit;

    /// <summary>A value with its unit; counts carry their unit after the number ("586 st").</summary>
    public string Format(decimal? value) => Text(Evaluation.Kind, value, Unit);

    /// <summary>The målbild with its date: "30 % (2017-12-31)", "Ja (2018-12-31)".</summary>
    public string Target => Definition is { } d ? IndicatorText.Target(d)
        : $"{Format(Evaluation.Target)} ({SwedishFormat.Date(Evaluation.TargetDate)})";

    /// <summary>The date of the latest figure counted, or the words for none.</summary>
    public string Latest => Evaluation.LatestFigure is { } date ? SwedishFormat.Date(date) : "ingen uppgift ännu";

    /// <summary>The value in the indicator's terms, shared with the live script through the card's data attributes.</summary>
    public static string Text(IndicatorKind kind, decimal? value, string? unit) =>
        value is null ? "–"
        : IndicatorText.Value(kind, value, unit) + (kind is IndicatorKind.CountInPeriod or IndicatorKind.StockAtDate
            && unit is { Length: > 0 } u && u != "%" ? " " + u : "");
}
