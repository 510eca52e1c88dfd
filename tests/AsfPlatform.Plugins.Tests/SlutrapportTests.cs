using AsfPlatform.Domain.Indicators;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

[Collection(DatasetCollection.Name)]
public sealed class SlutrapportTests(DatasetFixture fixture)
{
    private static readonly ReportArguments Final = new(DatasetFixture.Owner, DatasetFixture.Insats);

    private async Task<(IReportContext Context, ReportDocument Document)> RunAsync(ReportArguments? arguments = null) =>
        (await fixture.ContextAsync(arguments ?? Final), new ReportDocument(await fixture.RunAsync("slutrapport", arguments ?? Final)));

    [Fact]
    public async Task The_final_report_validates_against_Office_2019_with_no_errors_and_no_broken_references()
    {
        var (_, document) = await RunAsync();
        Assert.Empty(document.ValidationErrors());
        Assert.Empty(document.BrokenReferences());
    }

    [Fact]
    public async Task The_report_has_the_chapters_of_the_final_report_in_order()
    {
        var (_, document) = await RunAsync();
        string[] expected =
        [
            "Uppdraget", "Insatsperiod", "Målgrupp", "Övergripande målsättning för insatsen", "Beskrivning av verksamheten", "Samverkansparter",
            "Bakgrund", "Individinriktade insatser 2016–2018", "Sammanfattning individinriktade insatser 2016–2018",
            "Strukturinriktade insatser 2016–2020", "Sammanfattning strukturinriktade insatser 2016–2020",
            "Måluppfyllelse", "Handlingsplan 2017", "Analys", "Slutsatser", "Bilaga 1 – Datakvalitet",
        ];
        var headings = document.Headings.ToList();
        var positions = expected.Select(h => headings.FindIndex(x => x == h)).ToList();
        Assert.All(positions.Zip(expected), p => Assert.True(p.First >= 0, $"Rubriken \"{p.Second}\" saknas."));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Augusti 2016 – december 2020 (2016-08-01 – 2020-12-31).", document.Paragraphs);
    }

    [Fact]
    public async Task The_individual_summary_totals_equal_the_sums_over_the_placements()
    {
        var (context, document) = await RunAsync();
        var placements = context.Placements;
        var table = Assert.Single(document.Tables, t => t[0].SequenceEqual(["År", "Kommun", "Beviljade platser", "Nyttjade platser", "Kvinnor", "Män"]));
        Assert.Equal(placements.Count + 2, table.Count);
        var granted = placements.Sum(p => p.PlacesGranted);
        var used = placements.Sum(p => p.Use?.PlacesUsed ?? 0);
        var women = placements.Sum(p => p.Use?.ParticipantsWomen ?? 0);
        var men = placements.Sum(p => p.Use?.ParticipantsMen ?? 0);
        var participants = placements.Sum(p => p.Use?.Participants ?? 0);
        Assert.Equal(["Summa", "", $"{granted}", $"{used}", $"{women}", $"{men}"], table[^1]);
        Assert.Equal((23, 11, 9, 2), (granted, used, women, men)); // data/README.md: consistent with the report's "23 … 11"
        Assert.Contains($"Totalt beviljades medel för {granted} handledda placeringar, varav {used} nyttjades av {participants} deltagare ({women} kvinnor och {men} män).", document.Paragraphs);
        var back = placements.Sum(p => p.Outcomes?.BackToPublicSupport ?? 0);
        Assert.Contains(document.Paragraphs, p => p.StartsWith("Utfall för de nyttjade placeringarna:", StringComparison.Ordinal) && p.Contains($"{back} åter i offentlig försörjning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_survey_year_is_written_out_as_sentences_with_totals_computed_from_the_parts()
    {
        var (context, document) = await RunAsync();
        Assert.Contains(document.Paragraphs, p => p.StartsWith(
            "Hösten 2017 fanns 34 registrerade företag med sammantaget 228 personer anställda. Könsfördelningen bland de anställda var 137 kvinnor och 91 män. " +
            "I företagen var då 230 personer placerade i olika åtgärder enligt följande fördelning: Arbetsförmedlingen 155 personer, kommunen 65 personer, övriga (utan ersättning) 10 personer.",
            StringComparison.Ordinal));
        foreach (var survey in context.Surveys.Select(s => s.Survey))
        {
            Assert.Contains(document.Paragraphs, p => p.Contains($"{survey.Year} fanns {survey.Companies} registrerade företag med sammantaget {survey.Employed} personer anställda", StringComparison.Ordinal)
                && p.Contains($"{survey.EmployedWomen} kvinnor och {survey.EmployedMen} män", StringComparison.Ordinal)
                && p.Contains($"I företagen var då {survey.Participants} personer placerade", StringComparison.Ordinal));
            if (survey.PeopleInformed is { } informed)
                Assert.Contains($"Registrerat antal individer i målgruppen som fått information under året var {informed} personer.", document.Paragraphs);
        }
        // 2018 states 244 participants but its parts add up to 243: the report uses the parts.
        Assert.Contains(document.Paragraphs, p => p.Contains("I företagen var då 243 personer placerade", StringComparison.Ordinal));
        Assert.Contains("Fördelningen per delregion var 24 företag i Hälsingland och 10 företag i Gästrikland.", document.Paragraphs);
        var total = context.Surveys.Sum(s => s.Survey.PeopleInformed ?? 0);
        Assert.Contains(document.Paragraphs, p => p.StartsWith($"Totalt registrerat antal individer som fått information om ASF över perioden är {total:#,0}".Replace(',', ' '), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_yearly_series_are_native_bar_and_line_charts_with_the_survey_values()
    {
        var (context, document) = await RunAsync();
        Assert.Equal(4, document.ChartCount);
        var charts = Enumerable.Range(1, 4).Select(n => document.PartXml($"word/charts/chart{n}.xml").ToString()).ToList();
        Assert.Equal(3, charts.Count(c => c.Contains("barChart", StringComparison.Ordinal)));
        var line = Assert.Single(charts, c => c.Contains("lineChart", StringComparison.Ordinal));
        foreach (var informed in context.Surveys.Select(s => s.Survey.PeopleInformed).OfType<int>())
            Assert.Contains($"<c:v>{informed}</c:v>", line);
    }

    [Fact]
    public async Task Goal_achievement_shows_every_plan_indicator_with_its_final_status_in_the_words_for_a_passed_target_date()
    {
        var (context, document) = await RunAsync();
        var plan = Assert.Single(context.Plans);
        var table = Assert.Single(document.Tables, t => t[0].SequenceEqual(["Indikator", "Målbild", "Utfall", "Status"]));
        Assert.Equal(plan.Indicators.Count, table.Count - 1);
        foreach (var (indicator, row) in plan.Indicators.Zip(table.Skip(1)))
        {
            Assert.Equal(indicator.Title, row[0]);
            // At or after the target date a status is "Uppnått" or "Ej uppnått", never "I fas"/"Ej i fas".
            Assert.True(indicator.AsOf >= indicator.TargetDate);
            Assert.Equal(indicator.Status switch
            {
                IndicatorStatus.NoData => "Saknar data",
                IndicatorStatus.Achieved => "Uppnått",
                _ => "Ej uppnått",
            }, row[3]);
        }
        Assert.Contains($"Per 2017-12-31 var {plan.Indicators.Count(i => i.Status == IndicatorStatus.Achieved)} av {plan.Indicators.Count} indikatorer uppnådda.", document.Paragraphs);
    }

    [Fact]
    public async Task The_appendix_lists_every_data_quality_finding_with_stated_computed_and_difference()
    {
        var (context, document) = await RunAsync();
        var table = Assert.Single(document.Tables, t => t[0].SequenceEqual(["Uppgift", "Avser", "Angivet", "Beräknat", "Differens"]));
        Assert.Equal(context.Findings.Count, table.Count - 1);
        Assert.Equal(6, context.Findings.Count); // data/README.md lists six
        foreach (var (finding, row) in context.Findings.Zip(table.Skip(1)))
        {
            Assert.StartsWith(finding.Subject.Split(',')[0], row[0], StringComparison.Ordinal);
            Assert.Equal($"{finding.Stated:#,0.##}".Replace(',', ' '), row[2]);
            Assert.Equal($"{finding.Computed:#,0.##}".Replace(',', ' '), row[3]);
            Assert.Equal($"{(finding.Stated > finding.Computed ? "+" : "")}{finding.Stated - finding.Computed:0.##}", row[4]);
        }
        Assert.Contains(table, r => r[2] == "1 257" && r[3] == "1 275" && r[4] == "-18");
    }

    /// <summary>The chapters of the association's own final report (seed 003, "Slutrapport … 2016–2020"), in order.</summary>
    private static readonly string[] SeedChapters =
    [
        "Insatsperiod", "Målgrupp", "Övergripande målsättning för insatsen", "Beskrivning av verksamheten",
        "Huvudsakliga aktiviteter och insatser", "Samverkansparter", "Bakgrund",
        "Individinriktade insatser 2016–2018", "2016", "2017", "2018", "Sammanfattning individinriktade insatser 2016–2018",
        "Strukturinriktade insatser 2016–2020", "2016", "2017", "2018", "2019", "2020", "Sammanfattning strukturinriktade insatser 2016–2020",
        "Analys", "Slutsatser",
    ];

    [Fact]
    public async Task The_report_carries_every_chapter_of_the_associations_final_report_in_its_order()
    {
        var (_, document) = await RunAsync();
        var headings = document.Headings.ToList();
        var at = -1;
        foreach (var chapter in SeedChapters)
        {
            var next = headings.FindIndex(at + 1, h => h == chapter);
            Assert.True(next > at, $"Kapitlet \"{chapter}\" saknas efter \"{(at >= 0 ? headings[at] : "början")}\".");
            at = next;
        }
    }

    [Fact]
    public async Task The_report_prints_the_insats_own_texts_and_never_says_they_are_missing_when_they_are_written()
    {
        var (_, document) = await RunAsync();
        var text = string.Join("\n", document.Paragraphs.Concat(document.Tables.SelectMany(t => t.SelectMany(r => r))));
        foreach (var written in new[]
                 {
                     "Tjänstegraden för processledaren har över tid varierat mellan 100 % och 50 %.",
                     "Kunskapsdialoger för ökad samverkan och strukturpåverkan.",
                     "Med denna bakgrund fattade Samordningsförbund Gävleborg beslutet",
                     "à 6 månaders placering",
                     "En erfarenhet är att huvudmännen/kommunerna hade svårt att rekrytera individer",
                     "växlades senare under året upp till 80 %",
                     "Nyttjandegraden av ASF minskade under verksamhetsåret 2019.",
                     "Coronapandemin har påverkat nyttjandegraden av placeringar av individer i ASF negativt.",
                     "Endast till viss del har målgruppen politiker nåtts",
                     "Vi kan konstatera att insatsens uppdrag om aktiv kunskapsspridning",
                     "Aktivt arbete med kunskapsspridning är effektivt",
                 })
            Assert.Contains(written, text);
        Assert.DoesNotContain("finns inte registrerad", text);
        // The background is the insats' own, not the 2017 plan's ("ca 25 aktivt verksamma", "under 2016-2017").
        Assert.DoesNotContain("aktivt verksamma ASF i vårt län", text);
        Assert.DoesNotContain("Ur handlingsplanen", text);
    }

    [Fact]
    public async Task The_dated_milestones_of_a_year_come_in_date_order()
    {
        var (context, document) = await RunAsync();
        var paragraphs = document.Paragraphs.ToList();
        foreach (var year in context.Insats!.Milestones.GroupBy(m => m.Year))
        {
            var dated = year.Where(m => m.Date is not null).OrderBy(m => m.Date).Select(m => paragraphs.IndexOf(m.Text)).ToList();
            Assert.All(dated, i => Assert.True(i >= 0));
            Assert.Equal(dated.Order(), dated);
        }
    }

    [Fact]
    public async Task A_report_as_of_a_date_inside_the_period_shows_no_texts_written_about_later_times()
    {
        var (_, document) = await RunAsync(Final with { AsOfDate = new DateOnly(2018, 6, 30) });
        var text = string.Join("\n", document.Paragraphs);
        Assert.DoesNotContain("Aktivt arbete med kunskapsspridning är effektivt", text); // conclusions, written at the end
        Assert.DoesNotContain("En erfarenhet är att huvudmännen", text);                 // lessons of 2016–2018
        Assert.DoesNotContain("fokuserade på utbildningsinsatser", text);                // the 2018 narrative, a whole year
        Assert.DoesNotContain("kunskapsdialog om ASF arrangerades i december", text);    // a milestone dated 2018-12-15
        Assert.Contains("Insatsens analys och slutsatser skrivs när insatsen är avslutad; rapporten avser perioden till och med 2018-06-30.", text);
        Assert.Contains("ett ökat samarbete kräver ökad kunskap om varandras verksamheter", text); // 2016 is over
    }

    [Fact]
    public async Task An_as_of_date_inside_the_period_leaves_out_later_years()
    {
        var (_, document) = await RunAsync(Final with { AsOfDate = new DateOnly(2018, 12, 31) });
        Assert.Contains("Strukturinriktade insatser 2016–2018", document.Headings);
        Assert.DoesNotContain(document.Paragraphs, p => p.StartsWith("Hösten 2019", StringComparison.Ordinal));
        Assert.Empty(document.ValidationErrors());
    }

    [Fact]
    public async Task The_final_report_converts_to_a_pdf_that_shows_the_main_headings()
    {
        var (_, document) = await RunAsync();
        if (await document.PdfTextAsync(fixture.Pdf, "slutrapport") is not { } text)
            return;
        foreach (var heading in new[] { "Slutrapport", "Innehållsförteckning", "1. Uppdraget", "2. Bakgrund", "3. Individinriktade insatser 2016–2018",
                     "4. Strukturinriktade insatser 2016–2020", "5. Måluppfyllelse", "6. Analys", "7. Slutsatser", "Bilaga 1 – Datakvalitet", "Hösten 2017 fanns 34" })
            Assert.Contains(heading, text);
        Assert.DoesNotContain("Fel!", text);
    }
}
