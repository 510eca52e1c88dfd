namespace AsfPlatform.Reporting;

/// <summary>The chart types the builder draws.</summary>
public enum ChartKind
{
    /// <summary>Vertical clustered bars.</summary>
    Bar,
    /// <summary>Lines with markers.</summary>
    Line,
}

/// <summary>One data series: a name and one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A chart. The data is embedded as a workbook so "Redigera data" works in Word.</summary>
/// <param name="Kind">Bar or line.</param>
/// <param name="Title">The chart title.</param>
/// <param name="Categories">The category (x-axis) labels, e.g. years.</param>
/// <param name="Series">The series; each has one value per category.</param>
/// <param name="AltText">A description for screen readers; required for accessibility.</param>
/// <param name="ValueAxisTitle">Optional unit/title for the value axis, e.g. "Antal".</param>
public sealed record ChartSpec(
    ChartKind Kind,
    string Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string AltText,
    string? ValueAxisTitle = null);
