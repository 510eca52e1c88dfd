using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Lagesrapport;

/// <summary>
/// The status report to the board (lägesrapport, twice a year): every indicator of the year's plan with value,
/// target and status at the date, charts, the events and placements of the half-year up to the date, and the
/// deviations the board has to act on, with what is missing to reach each target.
/// </summary>
public sealed class LagesrapportReport : IReportPlugin
{
    /// <inheritdoc />
    public string Id => "lagesrapport";

    /// <inheritdoc />
    public string Title => "Lägesrapport";

    /// <inheritdoc />
    public string Description =>
        "Läget för årets handlingsplan per ett datum: indikatorer med utfall, målbild och status, aktiviteter och placeringar under halvåret samt avvikelser att hantera.";

    /// <inheritdoc />
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        // The date's year gives the plan; the context evaluates that plan's indicators at the date.
        ReportParameter.Require(ReportParameterKind.AsOfDate, "Datum som läget avser, t.ex. 2017-06-30; året ger handlingsplanen."),
    ];

    /// <summary>The period a status report covers: the half-year up to and including <paramref name="asOf"/>.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(DateOnly asOf) => (asOf.AddDays(1).AddMonths(-6), asOf);

    /// <inheritdoc />
    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var asOf = context.AsOf;
        var (from, to) = PeriodOf(asOf);
        var plan = PlanOf(context);
        var definitions = plan.Content!.Indicators.ToDictionary(d => d.Id);
        var indicators = context.Indicators
            .Select(e => new IndicatorFigures(e, definitions.GetValueOrDefault(e.IndicatorId)) { FigureDate = IndicatorMeaning.FigureDate(e, context.Surveys) })
            .ToList();
        var names = new MunicipalityNames(context.Municipalities);
        var tables = new TableNumbers();
        var events = EventSummary.Of(context.Events.Where(e => e.Date >= from && e.Date <= to));
        // Places are granted and reported per year, dated the year's last day (as the indicator counts them): a report
        // dated before then shows none of them, so its table and its indicator say the same.
        var placementsReported = new DateOnly(asOf.Year, 12, 31) <= asOf;
        var placements = PlacementSummary.Of(context.Placements.Where(p => p.Year == asOf.Year && placementsReported));
        var informing = plan.Content.Indicators.FirstOrDefault(d => d.Source.Metric == MetricKind.InformationEvents);
        var deviations = indicators.Where(i => i.Evaluation.Status is IndicatorStatus.AtRisk or IndicatorStatus.OffTrack).ToList();
        var insatsTitle = context.Insats?.Insats?.Title ?? plan.Content.Title;

        document.CoverPage(new CoverPage(
                $"Lägesrapport {SwedishFormat.Date(asOf)}",
                Subtitle: insatsTitle,
                Owner: context.Owner?.Name,
                Period: SwedishFormat.Period(from, to),
                Date: asOf))
            .TableOfContents();

        WriteSummary(document, tables, plan, indicators, events, placements, deviations, from, to);
        cancellationToken.ThrowIfCancellationRequested();
        WriteIndicators(document, tables, context, plan, indicators);
        cancellationToken.ThrowIfCancellationRequested();
        WriteEvents(document, tables, names, events, informing, from, to);
        WritePlacements(document, tables, names, placements, asOf.Year, placementsReported);
        WriteDeviations(document, tables, indicators, deviations);
        WriteDataQuality(document, names, context);
        return Task.CompletedTask;
    }

    private static PlanSnapshot PlanOf(IReportContext context)
    {
        var year = context.AsOf.Year;
        if (context.Plan is not { Exists: true } plan || plan.Year != year)
            throw new InvalidOperationException(
                $"Insatsen \"{context.Arguments.Insats}\" har ingen handlingsplan för {year}, som datumet {SwedishFormat.Date(context.AsOf)} avser.");
        return plan;
    }

    private static void WriteSummary(IDocumentBuilder document, TableNumbers tables, PlanSnapshot plan, IReadOnlyList<IndicatorFigures> indicators,
        EventSummary events, PlacementSummary placements, IReadOnlyList<IndicatorFigures> deviations, DateOnly from, DateOnly to)
    {
        // Counted by the words the plan's rule gives at the date, so the summary says what the indicator table says.
        var byStatus = indicators.GroupBy(i => IndicatorText.Status(i.Evaluation))
            .OrderBy(g => IndicatorText.StatusOrder.ToList().IndexOf(g.Key))
            .Select(g => (IReadOnlyList<TableCell>)[TableCell.Badge(g.First().Evaluation) with { Text = g.Key }, SwedishFormat.Number(g.Count())]);
        document.Heading("Sammanfattning")
            .Paragraph($"Rapporten visar läget per {SwedishFormat.Date(to)} för \"{plan.Content!.Title}\". Alla siffror är beräknade ur de registrerade uppgifterna.")
            .Table(new TableSpec(
                [new TableColumn("Nyckeltal", 70), new TableColumn("Antal", 30, ColumnAlignment.Right)],
                [
                    ["Indikatorer i handlingsplanen", SwedishFormat.Number(indicators.Count)],
                    .. byStatus,
                    [$"Aktiviteter {SwedishFormat.Period(from, to)}", SwedishFormat.Number(events.Events.Count)],
                    .. (placements.Placements.Count == 0 ? Array.Empty<IReadOnlyList<TableCell>>() :
                    [
                        [$"Beviljade platser {to.Year}", SwedishFormat.Number(placements.Granted)],
                        [$"Nyttjade platser {to.Year}", SwedishFormat.Number(placements.Used)],
                    ]),
                ],
                tables.Caption("Läget i korthet")))
            .Paragraph(deviations.Count == 0
                ? "Ingen indikator är ej i fas eller ej uppnådd."
                : $"{SwedishText.Count(deviations.Count, "indikator behöver", "indikatorer behöver")} hanteras; se avsnittet Avvikelser att hantera.");
    }

    private static void WriteIndicators(IDocumentBuilder document, TableNumbers tables, IReportContext context, PlanSnapshot plan, IReadOnlyList<IndicatorFigures> indicators)
    {
        var asOf = context.AsOf;
        // One target date for all (the usual yearly plan) is said once; the expected column only means something
        // while some target date is still ahead.
        var targetDates = indicators.Select(i => i.Evaluation.TargetDate).Distinct().ToList();
        var oneTargetDate = targetDates.Count == 1 ? targetDates[0] : (DateOnly?)null;
        var showExpected = indicators.Any(i => i.Evaluation.TargetDate > asOf);
        document.Heading($"Indikatorer per {SwedishFormat.Date(asOf)}")
            .Paragraph($"Handlingsplanen för {plan.Year} har {SwedishText.Count(indicators.Count, "indikator", "indikatorer")} (Bilaga 2)."
                + (oneTargetDate is { } td ? $" Målbilderna avser {SwedishFormat.Date(td)}." : "")
                + (showExpected ? " Förväntat anger var en jämn takt från utgångsläget till målbilden ligger vid datumet." : ""));
        if (indicators.Count > 0)
        {
            var columns = new List<TableColumn>
            {
                new("Nr", 5, ColumnAlignment.Center), new("Indikator", showExpected ? 35 : 47), new("Utfall", 20, ColumnAlignment.Right),
            };
            if (showExpected) columns.Add(new("Förväntat", 12, ColumnAlignment.Right));
            columns.Add(new("Målbild", oneTargetDate is null ? 13 : 12, ColumnAlignment.Right));
            columns.Add(new("Status", 16, ColumnAlignment.Center));
            document.Table(new TableSpec(columns,
                indicators.Select((i, n) =>
                {
                    var cells = new List<TableCell> { (n + 1).ToString(SwedishFormat.Culture), i.Evaluation.Title, i.Value };
                    if (showExpected) cells.Add(i.Expected);
                    cells.Add(oneTargetDate is null ? $"{i.Target} ({SwedishFormat.Date(i.Evaluation.TargetDate)})" : i.Target);
                    cells.Add(TableCell.Badge(i.Evaluation));
                    return (IReadOnlyList<TableCell>)cells;
                }).ToList(),
                tables.Caption($"Indikatorer per {SwedishFormat.Date(asOf)}")));
            // A value at a date is the latest figure before the report's date, which may be months older: say whose and when.
            var dated = indicators.Where(i => i.FigureDate is not null).GroupBy(i => i.FigureDate!).ToList();
            if (dated.Count > 0)
                document.Paragraph("Värden vid en tidpunkt är den senaste uppgiften före rapportdatumet: " + SwedishText.Join(dated.Select(g =>
                    $"{SwedishText.Join(g.Select(i => char.ToLower(i.ShortTitle[0], SwedishFormat.Culture) + i.ShortTitle[1..]))} från {g.Key}")) + ".");
        }

        document.Heading("Utfall mot målbild", 2);
        var comparable = indicators.Where(i => i.Comparable).ToList();
        if (comparable.Count == 0)
            document.Paragraph("Ingen indikator har ännu ett utfall som kan jämföras med sin målbild i ett diagram.");
        foreach (var group in ScaleGroups(comparable))
            document.Chart(new ChartSpec(
                ChartKind.Bar,
                // Split charts are named by what they show, not by the size of their numbers.
                group.Count == comparable.Count ? "Utfall och målbild" : "Utfall och målbild för " + SwedishText.Join(group.Select(i => char.ToLower(i.ShortTitle[0], SwedishFormat.Culture) + i.ShortTitle[1..])),
                group.Select(i => i.ShortTitle).ToList(),
                [
                    new ChartSeries("Utfall", group.Select(i => (double)i.Evaluation.Value!.Value).ToList()),
                    new ChartSeries("Målbild", group.Select(i => (double)i.Evaluation.Target).ToList()),
                ],
                "Stapeldiagram med utfall och målbild per indikator: "
                    + string.Join("; ", group.Select(i => $"{i.ShortTitle} {i.Value} av {i.Target}")),
                "Antal"));
        if (indicators.Count > comparable.Count)
            document.Paragraph("Andelar, milstolpar och indikatorer utan data visas bara i tabellen.");

        var surveys = context.Surveys.Where(s => s.Survey.Date <= asOf).OrderBy(s => s.Survey.Year).ToList();
        document.Heading("Utveckling över åren", 2);
        if (surveys.Count == 0)
        {
            document.Paragraph($"Det finns ingen länsuppföljning av företagen till och med {SwedishFormat.Date(asOf)}.");
            return;
        }
        document.Chart(new ChartSpec(
            ChartKind.Line,
            "ASF i länet enligt länsuppföljningen",
            surveys.Select(s => s.Survey.Year.ToString(SwedishFormat.Culture)).ToList(),
            [
                new ChartSeries("Registrerade ASF", surveys.Select(s => (double)s.Survey.Companies).ToList()),
                new ChartSeries("Anställda", surveys.Select(s => (double)s.Survey.Employed).ToList()),
                new ChartSeries("Deltagare i åtgärd", surveys.Select(s => (double)s.Survey.Participants).ToList()),
            ],
            "Linjediagram per år: " + string.Join("; ", surveys.Select(s =>
                $"{s.Survey.Year}: {s.Survey.Companies} företag, {s.Survey.Employed} anställda, {s.Survey.Participants} deltagare")),
            "Antal"))
            .Paragraph("Summorna är beräknade ur delarna (företag per delregion, anställda per kön, deltagare per remittent).");
    }

    // Targets of very different size (500 people and 5 municipalities) on one axis hide the small ones, so such
    // indicators are split at the geometric mean of the targets into two charts.
    private static IEnumerable<IReadOnlyList<IndicatorFigures>> ScaleGroups(IReadOnlyList<IndicatorFigures> comparable)
    {
        if (comparable.Count == 0) yield break;
        double Size(IndicatorFigures i) => Math.Max(1, Math.Max((double)i.Evaluation.Target, (double)i.Evaluation.Value!.Value));
        var max = comparable.Max(Size);
        var min = comparable.Min(Size);
        if (max / min <= 20)
        {
            yield return comparable;
            yield break;
        }
        var split = Math.Sqrt(max * min);
        yield return comparable.Where(i => Size(i) >= split).ToList();
        yield return comparable.Where(i => Size(i) < split).ToList();
    }

    private static void WriteEvents(IDocumentBuilder document, TableNumbers tables, MunicipalityNames names, EventSummary events,
        IndicatorDefinition? informing, DateOnly from, DateOnly to)
    {
        document.Heading("Aktiviteter under perioden");
        if (events.Events.Count == 0)
        {
            document.Paragraph($"Inga aktiviteter är registrerade under perioden {SwedishFormat.Period(from, to)}.");
            return;
        }
        // The indicator counts only some kinds of event: the sentence says how many of them, by the indicator's own rule.
        var counted = informing is null ? ""
            : $", varav {SwedishText.Count(events.InformingCount(informing.Source.Categories), "informationsinsats", "informationsinsatser")} av de slag som indikatorn räknar";
        document.Paragraph($"Under perioden {SwedishFormat.Period(from, to)} genomfördes {events.CountText}{counted}.")
            .Table(events.ToTable(names, tables.Caption($"Aktiviteter {SwedishFormat.Period(from, to)} med publik")))
            .Paragraph(events.AudienceSentence());
    }

    private static void WritePlacements(IDocumentBuilder document, TableNumbers tables, MunicipalityNames names, PlacementSummary placements, int year, bool reported)
    {
        document.Heading("Placeringar");
        if (!reported)
        {
            document.Paragraph($"Stödfinansierade platser beviljas och redovisas per år, per {year}-12-31; platserna för {year} redovisas i rapporten per årets slut.");
            return;
        }
        if (placements.Placements.Count == 0)
        {
            document.Paragraph($"Inga stödfinansierade platser är beviljade för {year}.");
            return;
        }
        document.Paragraph($"Platser beviljas per år. För {year}: {placements.Sentence()}")
            .Table(placements.UseTable(names, tables.Caption($"Beviljade och nyttjade platser {year}"), byMunicipality: true))
            .Table(placements.OutcomeTable(names, tables.Caption($"Utfall för deltagarna {year}"), byMunicipality: true));
    }

    private static void WriteDeviations(IDocumentBuilder document, TableNumbers tables, IReadOnlyList<IndicatorFigures> indicators, IReadOnlyList<IndicatorFigures> deviations)
    {
        document.Heading("Avvikelser att hantera");
        if (deviations.Count == 0)
            document.Paragraph("Ingen indikator är ej i fas eller ej uppnådd.");
        foreach (var i in deviations)
        {
            document.Heading(i.Evaluation.Title, 2)
                .Paragraph(TextSpan.Strong("Status: "), IndicatorText.Status(i.Evaluation) + ". ",
                    TextSpan.Strong("Utfall: "), i.Value + ". ", TextSpan.Strong("Målbild: "), $"{i.Target} senast {SwedishFormat.Date(i.Evaluation.TargetDate)}.")
                .BulletList(i.Missing());
        }
        var noData = indicators.Where(i => i.Evaluation.Status == IndicatorStatus.NoData).ToList();
        if (noData.Count > 0)
            document.Heading("Indikatorer utan data", 2)
                .Paragraph("För dessa indikatorer finns inga registrerade uppgifter, så läget kan inte bedömas. Registrera uppgifterna för att kunna följa upp dem:")
                .BulletList(noData.Select(i => $"{i.Evaluation.Title} (källa: {i.Evaluation.Source})"));
    }

    private static void WriteDataQuality(IDocumentBuilder document, MunicipalityNames names, IReportContext context)
    {
        if (context.Findings.Count == 0)
            return;
        document.Heading("Underlag och datakvalitet")
            .Paragraph($"Uppgifter i underlaget till och med {SwedishFormat.Date(context.AsOf)} som skiljer sig från summan av sina delar. Rapporten använder de beräknade summorna.")
            .BulletList(context.Findings.Select(names.Describe));
    }
}
