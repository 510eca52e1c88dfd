using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

[Collection(DatasetCollection.Name)]
public sealed class KommunrapportTests(DatasetFixture fixture)
{
    private const string Ockelbo = "2101", Soderhamn = "2182", Bollnas = "2183", Hudiksvall = "2184";

    private static ReportArguments Arguments(string kommunkod, int year = 2017) =>
        new(DatasetFixture.Owner, DatasetFixture.Insats, year, kommunkod);

    [Theory]
    [InlineData(Ockelbo, 2017)]
    [InlineData(Soderhamn, 2017)]
    [InlineData(Bollnas, 2017)]
    [InlineData(Hudiksvall, 2017)]
    [InlineData(Hudiksvall, 2018)]
    public async Task The_report_validates_without_errors_and_has_no_broken_references(string kommunkod, int year)
    {
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(kommunkod, year)));

        Assert.Empty(document.ValidationErrors());
        Assert.Empty(document.BrokenReferences());
        Assert.Equal(["Sammanfattning", "Arbetsintegrerande sociala företag", "Kommunens milstolpar", "Placeringar", "Aktiviteter i kommunen"],
            document.Headings.Select(h => h.Trim()));
    }

    [Fact]
    public async Task A_municipality_without_data_gets_sentences_instead_of_empty_tables()
    {
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(Ockelbo)));

        Assert.Contains("Inget företag i Ockelbo är registrerat vid namn i plattformen.", document.Paragraphs);
        Assert.Contains("Inga milstolpar är registrerade för Ockelbo till och med 2017.", document.Paragraphs);
        Assert.Contains("Ockelbo har inte beviljats några stödfinansierade platser för 2017.", document.Paragraphs);
        Assert.Contains("Inga aktiviteter i Ockelbo är registrerade för 2017.", document.Paragraphs);
        // Only the key figures and the milestone checklist (all "Nej") remain as tables; none is empty.
        Assert.Equal(2, document.Tables.Count);
        Assert.All(document.Tables, t => Assert.True(t.Count > 1));
        Assert.All(document.Tables[1].Skip(1), row => Assert.Equal("Nej", row[1]));
    }

    [Theory]
    [InlineData(Ockelbo, 2017)]
    [InlineData(Bollnas, 2017)]
    [InlineData(Hudiksvall, 2018)]
    public async Task The_number_of_ASF_is_the_survey_s_figure_for_the_subregion_with_its_date_and_named_companies_are_counted_as_such(string kommunkod, int year)
    {
        var context = await fixture.ContextAsync(Arguments(kommunkod, year));
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(kommunkod, year)));

        var municipality = context.Municipalities.Single(m => m.Kommunkod == kommunkod);
        var survey = context.Surveys.Select(s => s.Survey).Where(s => s.Date <= new DateOnly(year, 12, 31)).MaxBy(s => s.Date)!;
        var companies = survey.CompaniesBySubregion.Single(c => c.Subregion == municipality.Subregion).Companies;
        var region = municipality.Subregion == "Halsingland" ? "Hälsingland" : "Gästrikland";
        var date = survey.Date.ToString("yyyy-MM-dd");
        var named = context.Companies.Count(c => c.Kommunkod == kommunkod && c.Company is not null);

        var summary = document.Tables[0];
        Assert.Contains([$"Registrerade ASF i {region} (länsuppföljningen {date})", $"{companies}"], summary);
        Assert.Contains([$"ASF i {municipality.Name} registrerade vid namn i plattformen", $"{named}"], summary);
        Assert.DoesNotContain(summary, r => r[0] == "Registrerade ASF i kommunen");
        Assert.Contains(document.Paragraphs, p => p.StartsWith($"Länsuppföljningen {date} räknade {companies} registrerade arbetsintegrerande sociala företag i {region}, som {municipality.Name} hör till.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Placements_are_the_municipality_s_grants_of_the_year_with_totals_from_the_lines()
    {
        var context = await fixture.ContextAsync(Arguments(Hudiksvall));
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(Hudiksvall)));

        var grants = context.Placements.Where(p => p.Kommunkod == Hudiksvall && p.Year == 2017).ToList();
        Assert.NotEmpty(grants);
        var use = document.Tables.Single(t => t[0].Contains("Beviljade"));
        Assert.Equal(grants.Count + 2, use.Count);
        Assert.Equal(["Målgrupp", "Beviljade", "Nyttjade", "Deltagare", "Kvinnor", "Män"], use[0]); // one municipality: no municipality column
        Assert.Equal(grants.Sum(p => p.PlacesGranted).ToString(), use[^1][1]);
        Assert.Equal(grants.Sum(p => p.Use?.PlacesUsed ?? 0).ToString(), use[^1][2]);
        Assert.Equal(grants.Sum(p => p.Use?.Participants ?? 0).ToString(), use[^1][3]);
        var outcomes = document.Tables.Single(t => t[0].Contains("Förlängd insats"));
        Assert.Equal(grants.Sum(p => p.Outcomes?.Continued ?? 0).ToString(), outcomes[^1][5]);
        Assert.Contains(["Beviljade platser 2017", grants.Sum(p => p.PlacesGranted).ToString()], document.Tables[0]);
    }

    [Fact]
    public async Task Companies_milestones_and_events_come_from_the_municipality_s_snapshots()
    {
        var context = await fixture.ContextAsync(Arguments(Soderhamn));
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(Soderhamn)));

        var companies = context.Companies.Where(c => c.Kommunkod == Soderhamn).ToList();
        var companyTable = document.Tables.Single(t => t[0][0] == "Företag");
        Assert.Equal(companies.Select(c => c.Company!.Name).Order(), companyTable.Skip(1).Select(r => r[0]).Order());
        Assert.All(companyTable.Skip(1), r => Assert.Equal("Uppgift saknas", r[3])); // the dataset has no company figures

        var checklist = document.Tables.Single(t => t[0].SequenceEqual(["Milstolpe", "Läge", "Datum"]));
        Assert.Contains(["Upphandling med sociala hänsyn eller reserverat kontrakt", "Ja", "2017-10-01"], checklist);
        Assert.Contains(["Lokal samverkansgrupp", "Ja", "2017-12-31"], checklist);
        Assert.Contains(["Policy", "Nej", "–"], checklist);

        var events = context.Events.Where(e => e.Kommunkod == Soderhamn && e.Date.Year == 2017).ToList();
        var eventTable = document.Tables.Single(t => t[0][0] == "Datum" && t[0].Contains("Pol."));
        Assert.Equal(events.Select(e => e.Title), eventTable.Skip(1).SkipLast(1).Select(r => r[2]));
        Assert.Contains(["Aktiviteter i kommunen 2017", events.Count.ToString()], document.Tables[0]);
    }

    [Fact]
    public async Task Milestones_after_the_year_are_left_out()
    {
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(Bollnas)));

        var checklist = document.Tables.Single(t => t[0].SequenceEqual(["Milstolpe", "Läge", "Datum"]));
        Assert.Contains(["Policy", "Nej", "–"], checklist); // adopted 2018
        Assert.Contains(["Stödstruktur", "Ja", "2016-12-31"], checklist);
        Assert.DoesNotContain(document.Paragraphs, p => p.Contains("2019-10-15", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_municipality_fails_with_a_swedish_message_naming_the_code()
    {
        var error = await Assert.ThrowsAsync<ReportFailedException>(() => fixture.RunAsync("kommunrapport", Arguments("0114")));
        Assert.Contains("kommunkod 0114 finns inte", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Hudiksvall)]
    [InlineData(Ockelbo)]
    public async Task The_report_converts_to_pdf(string kommunkod)
    {
        var document = new ReportDocument(await fixture.RunAsync("kommunrapport", Arguments(kommunkod)));

        var text = await document.PdfTextAsync(fixture.Pdf, $"kommunrapport-{kommunkod}-2017");
        if (text is null)
            return; // LibreOffice is not installed here (required on CI, where PdfTextAsync fails instead).
        Assert.Contains("Kommunens milstolpar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fel! Bokmärket", text, StringComparison.Ordinal);
    }
}
