using AsfPlatform.Domain.Indicators;
using AsfPlatform.Plugins.Lagesrapport;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

[Collection(DatasetCollection.Name)]
public sealed class LagesrapportTests(DatasetFixture fixture)
{
    private static readonly DateOnly YearEnd = new(2017, 12, 31), MidYear = new(2017, 6, 30);

    private static ReportArguments Arguments(DateOnly asOf) =>
        new(DatasetFixture.Owner, DatasetFixture.Insats, AsOfDate: asOf);

    [Fact]
    public async Task The_year_end_report_validates_without_errors_and_has_no_broken_references()
    {
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(YearEnd)));

        Assert.Empty(document.ValidationErrors());
        Assert.Empty(document.BrokenReferences());
        Assert.Contains("Avvikelser att hantera", document.Headings.Select(h => h.Trim()));
    }

    [Fact]
    public async Task Every_indicator_of_the_plan_appears_with_the_value_target_and_status_computed_from_the_snapshots()
    {
        var context = await fixture.ContextAsync(Arguments(YearEnd));
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(YearEnd)));

        // At the year end every target date has passed, so there is no "Förväntat" column.
        var table = document.Tables.Single(t => t[0].SequenceEqual(["Nr", "Indikator", "Utfall", "Målbild", "Status"]));
        Assert.Equal(context.Plan!.Content!.Indicators.Count, table.Count - 1);
        foreach (var (indicator, row) in context.Indicators.Zip(table.Skip(1)))
        {
            Assert.Equal(indicator.Title, row[1]);
            Assert.Equal(PlanStatusRule.Words(indicator), row[4]);
            Assert.Equal(Expected(indicator.Kind, indicator.Target), row[3]);
            if (indicator.Value is { } value)
                Assert.StartsWith(Expected(indicator.Kind, value), row[2]);
            else
                Assert.Equal("–", row[2]);
        }
        // The dataset's own README: 586 employees informed (achieved), 34 registered ASF (achieved), 4 places (missed at the target date).
        Assert.Contains(table, r => r[1].StartsWith("Antal medarbetare", StringComparison.Ordinal) && r[2] == "586" && r[4] == "Uppnått");
        Assert.Contains(table, r => r[1] == "Antal platser som stödfinansieras av förbundet" && r[2] == "4" && r[4] == "Ej uppnått");
    }

    [Fact]
    public async Task The_deviations_list_exactly_the_indicators_at_risk_or_off_track_with_the_computed_shortfall()
    {
        var context = await fixture.ContextAsync(Arguments(YearEnd));
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(YearEnd)));

        var headings = document.Headings.Select(h => h.Trim()).ToList();
        var deviationHeadings = headings.SkipWhile(h => h != "Avvikelser att hantera").Skip(1)
            .TakeWhile(h => h != "Indikatorer utan data" && h != "Underlag och datakvalitet").ToList();
        var expected = context.Indicators.Where(i => i.Status is IndicatorStatus.AtRisk or IndicatorStatus.OffTrack).Select(i => i.Title).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, deviationHeadings);

        var places = context.Indicators.Single(i => i.IndicatorId == "platser-stodfinansierade");
        Assert.Contains($"Utfallet är {SwedishFormat.Number(places.Value!.Value)} mot målbilden {SwedishFormat.Number(places.Target)}: det saknas {SwedishFormat.Number(places.Target - places.Value.Value)} platser.".Replace('\u00A0', ' '),
            document.Paragraphs);
        // Indicators without data are not deviations but are named, with the source to register.
        var noData = context.Indicators.Where(i => i.Status == IndicatorStatus.NoData).ToList();
        Assert.All(noData, i => Assert.Contains(document.Paragraphs, p => p.StartsWith(i.Title + " (källa:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Events_and_placements_of_the_half_year_are_counted_from_the_insats()
    {
        var context = await fixture.ContextAsync(Arguments(YearEnd));
        var (from, to) = LagesrapportReport.PeriodOf(YearEnd);
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(YearEnd)));

        Assert.Equal(new DateOnly(2017, 7, 1), from);
        var events = context.Events.Where(e => e.Date >= from && e.Date <= to).ToList();
        var eventTable = document.Tables.Single(t => t[0][0] == "Datum" && t[0].Contains("Pol."));
        Assert.Equal(events.Count, eventTable.Count - 2); // header and total row
        Assert.Equal(["Summa", $"{events.Count} st"], eventTable[^1].Take(2));
        Assert.Equal(events.Select(e => e.Title), eventTable.Skip(1).SkipLast(1).Select(r => r[2]));

        var placements = context.Placements.Where(p => p.Year == 2017).ToList();
        var useTable = document.Tables.Single(t => t[0].Contains("Beviljade"));
        Assert.Equal(placements.Sum(p => p.PlacesGranted).ToString(), useTable[^1][2]);
        Assert.Equal(placements.Sum(p => p.Use?.PlacesUsed ?? 0).ToString(), useTable[^1][3]);
        var summary = document.Tables[0];
        Assert.Contains(["Beviljade platser 2017", placements.Sum(p => p.PlacesGranted).ToString()], summary);
    }

    [Fact]
    public async Task The_report_carries_a_native_bar_chart_of_value_against_target_and_a_line_chart_of_the_yearly_surveys()
    {
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(YearEnd)));

        Assert.True(document.ChartCount >= 2);
        var charts = Enumerable.Range(1, document.ChartCount).Select(n => document.PartXml($"word/charts/chart{n}.xml").ToString()).ToList();
        Assert.Contains(charts, c => c.Contains("barChart", StringComparison.Ordinal) && c.Contains("Målbild", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.Contains("lineChart", StringComparison.Ordinal) && c.Contains("Registrerade ASF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mid_year_report_evaluates_at_its_date_and_covers_the_first_half_year()
    {
        var context = await fixture.ContextAsync(Arguments(MidYear));
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(MidYear)));

        Assert.Empty(document.ValidationErrors());
        Assert.All(context.Indicators, i => Assert.Equal(MidYear, i.AsOf));
        // Mid-year the path to each target says where the value should be now.
        var table = document.Tables.Single(t => t[0].SequenceEqual(["Nr", "Indikator", "Utfall", "Förväntat", "Målbild", "Status"]));
        var employed = context.Indicators.Single(i => i.IndicatorId == "anstallda-asf");
        Assert.Contains(table, r => r[1] == employed.Title && r[3] == SwedishFormat.Number(employed.Expected!.Value, 1).Replace('\u00A0', ' '));
        Assert.Contains("Period2017-01-01 – 2017-06-30", document.Paragraphs); // cover: label, tab, value
        var h1 = context.Events.Count(e => e.Date >= new DateOnly(2017, 1, 1) && e.Date <= MidYear);
        Assert.Contains(document.Paragraphs, p => p.StartsWith($"Under perioden 2017-01-01 – 2017-06-30 genomfördes {h1} registrerade aktiviteter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_the_target_date_a_status_is_in_phase_or_not_and_the_summary_counts_the_same_words_as_the_table()
    {
        var context = await fixture.ContextAsync(Arguments(MidYear));
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(MidYear)));

        var table = document.Tables.Single(t => t[0].SequenceEqual(["Nr", "Indikator", "Utfall", "Förväntat", "Målbild", "Status"]));
        var statuses = table.Skip(1).Select(r => r[5]).ToList();
        Assert.Equal(context.Indicators.Select(PlanStatusRule.Words), statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { "I fas", "Ej i fas", "Saknar data" }));
        // The summary's "Läget i korthet" says each status as many times as the indicator table does.
        var summary = document.Tables.First(t => t[0].SequenceEqual(["Nyckeltal", "Antal"]));
        foreach (var group in statuses.GroupBy(s => s))
            Assert.Contains(summary, r => r[0] == group.Key && r[1] == group.Count().ToString());
        Assert.DoesNotContain(summary, r => r[0] is "Uppnått" or "Uppnådda" or "Ej uppnått");
    }

    [Fact]
    public async Task A_date_without_a_plan_for_its_year_fails_with_a_swedish_message_naming_the_year()
    {
        var error = await Assert.ThrowsAsync<ReportFailedException>(() => fixture.RunAsync("lagesrapport", Arguments(new DateOnly(2019, 6, 30))));
        Assert.Contains("ingen handlingsplan för 2019", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_end_report_converts_to_pdf_with_its_sections_and_figures()
    {
        var document = new ReportDocument(await fixture.RunAsync("lagesrapport", Arguments(YearEnd)));

        var text = await document.PdfTextAsync(fixture.Pdf, "lagesrapport-2017-12-31");
        if (text is null)
            return; // LibreOffice is not installed here (required on CI, where PdfTextAsync fails instead).
        Assert.Contains("Avvikelser att hantera", text, StringComparison.Ordinal);
        Assert.Contains("Lägesrapport 2017-12-31", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fel! Bokmärket", text, StringComparison.Ordinal);
    }

    private static string Expected(IndicatorKind kind, decimal value) => (kind switch
    {
        IndicatorKind.Milestone => value > 0 ? "Ja" : "Nej",
        IndicatorKind.Rate => SwedishFormat.Number(value, 1) + " %",
        IndicatorKind.GrowthRelativeToBaseline => (value > 0 ? "+" : "") + SwedishFormat.Number(value, 1) + " %",
        _ => SwedishFormat.Number(value, 1),
    }).Replace('\u00A0', ' ');
}
