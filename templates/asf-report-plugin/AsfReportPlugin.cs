using AsfPlatform.Reporting;

namespace AsfReportPlugin;

/// <summary>
/// Min rapport. The host finds this class by scanning the dll in its plugin folder; it needs a public
/// constructor. Write content through the builder; it owns styles, numbering and layout.
/// </summary>
public sealed class AsfReportPluginReport : IReportPlugin
{
    public string Id => "min-rapport";

    public string Title => "Min rapport";

    public string Description => "Beskriv på svenska vad rapporten innehåller.";

    // What the CLI and UI ask for; required ones are checked before RenderAsync runs.
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Year),
        ReportParameter.Optional(ReportParameterKind.AsOfDate),
    ];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var year = context.Arguments.Year;
        document
            .CoverPage(new CoverPage(
                Title: $"Min rapport {year}",
                Subtitle: context.Insats?.Insats?.Title,
                Owner: context.Owner?.Name ?? context.Arguments.Owner,
                Period: year is { } y ? SwedishFormat.Period(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : null,
                // The date the figures are valid at; the builder adds the printing date as "Utskriven".
                Date: context.AsOf))
            .TableOfContents()
            .Heading("Sammanfattning")
            // Counts go through SwedishText (and the shared summaries), so they agree in number as in the built-in reports.
            .Paragraph($"Läget per {SwedishFormat.Date(context.AsOf)}: {SwedishText.Count(context.Indicators.Count, "indikator", "indikatorer")}"
                + (context.Indicators.Count > 0 ? $", varav {IndicatorText.StatusCounts(context.Indicators)}." : "."));

        var events = EventSummary.Of(context.Events);
        if (events.Events.Count > 0)
            document.Paragraph($"Under perioden genomfördes {events.CountText}.");

        document.Heading("Indikatorer");
        if (context.Indicators.Count == 0)
        {
            document.Paragraph("Det finns inga indikatorer att visa för det valda året.");
        }
        else
        {
            document.Table(new TableSpec(
                [new TableColumn("Indikator", 52), new TableColumn("Utfall", 16, ColumnAlignment.Right), new TableColumn("Målbild", 16, ColumnAlignment.Right), new TableColumn("Status", 16, ColumnAlignment.Center)],
                context.Indicators.Select(i => (IReadOnlyList<TableCell>)
                [
                    i.Title,
                    IndicatorText.Value(i.Kind, i.Value),
                    IndicatorText.Value(i.Kind, i.Target),
                    TableCell.Badge(i.Status),
                ]).ToList(),
                Caption: $"Indikatorer per {SwedishFormat.Date(context.AsOf)}"));
        }
        return Task.CompletedTask;
    }
}
