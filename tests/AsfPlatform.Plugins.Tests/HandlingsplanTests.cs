using AsfPlatform.Domain.Indicators;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

[Collection(DatasetCollection.Name)]
public sealed class HandlingsplanTests(DatasetFixture fixture)
{
    private static readonly ReportArguments Plan2017 = new(DatasetFixture.Owner, DatasetFixture.Insats, 2017);

    [Fact]
    public async Task The_2017_plan_validates_against_Office_2019_with_no_errors_and_no_broken_references()
    {
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        Assert.Empty(document.ValidationErrors());
        Assert.Empty(document.BrokenReferences());
    }

    /// <summary>
    /// The headings of the association's Handlingsplan 2017 (seed 001) with its own numbers, in its order: chapter 1 goes
    /// from "1. Bakgrund" to 1.2, with no 1.1. Spelling as corrected in the dataset ("långsiktig", "Återrapportering").
    /// The seed's bare "3.2.1"–"3.2.5" headings are its process goals, printed as "Processmål 3.2.x: …" under 3.2.
    /// </summary>
    private static readonly string[] SeedHeadings =
    [
        "1. Bakgrund", "1.2 Dubbla affärsidéer", "1.3 Samhällsnytta med arbetsintegrerande sociala företag", "1.4 Definition",
        "1.5 Identifierade behov för långsiktig utveckling av ASF", "2. Syfte", "3. Mål", "3.1 Övergripande mål", "3.2 Processmål",
        "4. Målgrupper", "5. Två huvudspår för insatsen", "5.1 Strukturinriktade insatser", "5.2 Individinriktade insatser",
        "5.2.1 Platser hos ASF", "6. Samverkansparter", "7. Tidsplan", "8. Finansiering", "8.1 Kostnadsbudget", "9. Organisation",
        "10. Kommunikation", "10.1 Dokumentation", "10.2 Löpande uppföljning", "10.3 Återrapportering",
        "11. Uppföljning och utvärdering", "11.1 Uppföljning", "11.2 Utvärdering",
        "Bilaga 1 – Aktivitetsplan", "Processmål 3.2.1", "Processmål 3.2.2", "Processmål 3.2.3", "Processmål 3.2.4", "Processmål 3.2.5",
        "Bilaga 2 – Indikatorer för att mäta måluppfyllelse och effekt av insatsen",
    ];

    [Fact]
    public async Task The_2017_plan_has_exactly_the_headings_of_the_association_s_plan_with_its_own_numbering()
    {
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        Assert.Equal(SeedHeadings, document.Headings.Select(h => h.Trim()));
    }

    [Fact]
    public async Task The_plan_editor_shows_the_numbers_the_document_prints()
    {
        var context = await fixture.ContextAsync(Plan2017);
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        var sections = context.Plan!.Content!.Sections;
        var numbers = AsfPlatform.Domain.Plans.SectionNumbering.Numbers(sections);
        var printed = sections.Zip(numbers, (s, n) => $"{n} {s.Title}").ToList();
        Assert.Equal(printed, document.Headings.Select(h => h.Trim()).Where(printed.Contains));
        Assert.Equal(["1.", "1.2", "1.3", "1.4", "1.5", "2."], numbers.Take(6));
    }

    [Fact]
    public async Task Every_activity_of_the_plan_is_listed_under_its_process_goal_with_how_responsible_and_when()
    {
        var context = await fixture.ContextAsync(Plan2017);
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        var activityRows = document.Tables.Where(t => t[0].SequenceEqual(["Aktivitet", "Hur", "Ansvarig", "När"]))
            .SelectMany(t => t.Skip(1)).ToList();
        var activities = context.Plan!.Content!.Activities;
        Assert.Equal(activities.Count, activityRows.Count);
        Assert.Equal(24, activityRows.Count);
        foreach (var (activity, row) in activities.Zip(activityRows))
            Assert.Equal([activity.Activity, activity.How, activity.Responsible, activity.When], row);
        Assert.Equal(context.Plan.Content.Goals.Count, document.Headings.Count(h => h.StartsWith("Processmål 3.2.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_budget_table_lists_the_budget_lines_and_a_total_computed_from_them()
    {
        var context = await fixture.ContextAsync(Plan2017);
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        var budget = Assert.Single(document.Tables, t => t[0].SequenceEqual(["Budgetpost", "Belopp"]));
        var lines = context.Plan!.Content!.Budget;
        Assert.Equal(lines.Count + 2, budget.Count);
        Assert.Equal(["Summa", "800 000 kr"], budget[^1]);
        Assert.Equal(800_000m, lines.Sum(l => l.Amount));
    }

    [Fact]
    public async Task Every_indicator_shows_its_target_and_its_value_and_status_as_of_the_year_end()
    {
        var context = await fixture.ContextAsync(Plan2017);
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        var table = Assert.Single(document.Tables, t => t[0][0] == "Indikator");
        Assert.Equal("Utfall", table[0][3]);
        Assert.Contains("Indikatorer: utgångsläge, målbild och utfall per 2017-12-31", document.Paragraphs);
        var definitions = context.Plan!.Content!.Indicators;
        Assert.Equal(11, definitions.Count);
        Assert.Equal(definitions.Count, table.Count - 1);
        foreach (var (definition, row) in definitions.Zip(table.Skip(1)))
        {
            var evaluation = context.Indicators.Single(e => e.IndicatorId == definition.Id);
            Assert.Equal(definition.Title, row[0]);
            Assert.Equal(Plain(IndicatorText.Target(definition)), row[2]);
            // A value at a date carries the date of its figure.
            var at = IndicatorMeaning.FigureDate(evaluation, context.Surveys) is not null ? $" per {SwedishFormat.Date(evaluation.LatestFigure!.Value)}" : "";
            Assert.Equal(Plain(IndicatorText.Outcome(evaluation, definition.Unit)) + at, row[3]);
            Assert.Equal(PlanStatusRule.Words(evaluation), row[4]);
            if (definition.TargetText is { } targetText)
                Assert.Contains("Målbild: " + targetText, document.Paragraphs);
        }
        // Spot checks against the dataset's facts (data/README.md): the 2017 survey and the placements.
        Assert.Equal(["Antal anställda i verksamma ASF i länet", "190 (2017-01-01)", "200 (2017-12-31)", "228 (137 kvinnor, 91 män) per 2017-10-01", "Uppnått"],
            table.Single(r => r[0] == "Antal anställda i verksamma ASF i länet"));
        Assert.Equal("4", table.Single(r => r[0] == "Antal platser som stödfinansieras av förbundet")[3]);
    }

    [Fact]
    public async Task The_organisation_table_names_each_role_once_and_a_title_only_where_it_differs_from_the_role()
    {
        var context = await fixture.ContextAsync(Plan2017);
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        var table = Assert.Single(document.Tables, t => t[0][0] == "Roll");
        var roles = context.Plan!.Content!.Organisation.Select(r => r.Role).Distinct().ToList();
        Assert.Equal(roles, table.Skip(1).Select(r => r[0]));
        Assert.DoesNotContain(table.Skip(1), r => r.Count == 2 && r[0] == r[1]);
        foreach (var role in context.Plan.Content.Organisation.Where(r => r.Title != r.Role))
            Assert.Contains(role.Title, table.Single(r => r[0] == role.Role)[1]);
    }

    [Fact]
    public async Task An_as_of_date_inside_the_year_evaluates_the_indicators_at_that_date()
    {
        var arguments = Plan2017 with { AsOfDate = new DateOnly(2017, 6, 30) };
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", arguments));
        var table = Assert.Single(document.Tables, t => t[0][0] == "Indikator");
        Assert.Contains("Indikatorer: utgångsläge, målbild och utfall per 2017-06-30", document.Paragraphs);
        // Before the autumn survey the employed count is the 2016 survey's 179 (113 women, 66 men), dated as such.
        Assert.Equal("179 (113 kvinnor, 66 män) per 2016-10-01", table.Single(r => r[0] == "Antal anställda i verksamma ASF i länet")[3]);
        Assert.Contains(document.Paragraphs, p => p.StartsWith("Utfall per 2017-06-30: 179 (113 kvinnor, 66 män), länsuppföljningen hösten 2016 (2016-10-01)", StringComparison.Ordinal));
        Assert.Empty(new ReportDocument(document.Bytes).ValidationErrors());
    }

    [Fact]
    public async Task A_year_without_a_plan_gives_a_document_that_says_so()
    {
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017 with { Year = 2030 }));
        Assert.Contains(document.Paragraphs, p => p.Contains("ingen handlingsplan för 2030", StringComparison.Ordinal));
        Assert.Empty(document.ValidationErrors());
    }

    [Fact]
    public async Task The_region_plan_without_activities_or_budget_still_renders_its_goals_and_growth_indicators()
    {
        var arguments = new ReportArguments(DatasetFixture.RegionOwner, DatasetFixture.RegionInsats, 2018);
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", arguments));
        Assert.Empty(document.ValidationErrors());
        Assert.Empty(document.BrokenReferences());
        Assert.DoesNotContain("Bilaga 1 – Aktivitetsplan", document.Headings);
        Assert.Contains(document.Paragraphs, p => p.StartsWith("Processmål g1:", StringComparison.Ordinal));
        Assert.Contains(document.Tables.Single(t => t[0][0] == "Indikator"), r => r[2].StartsWith("+15 %", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_plan_converts_to_a_pdf_that_shows_the_main_headings()
    {
        var document = new ReportDocument(await fixture.RunAsync("handlingsplan", Plan2017));
        if (await document.PdfTextAsync(fixture.Pdf, "handlingsplan-2017") is not { } text)
            return;
        foreach (var heading in new[] { "Handlingsplan 2017", "Innehållsförteckning", "1. Bakgrund", "3.2 Processmål", "8. Finansiering", "Bilaga 1 – Aktivitetsplan", "Bilaga 2 – Indikatorer" })
            Assert.Contains(heading, text);
        Assert.DoesNotContain("Fel!", text);
    }

    private static string Plain(string text) => text.Replace('\u00A0', ' ');
}
