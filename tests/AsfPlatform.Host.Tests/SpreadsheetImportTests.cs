using System.Net;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Host.Domain;
using AsfPlatform.TestSupport;
using static AsfPlatform.Host.Tests.SpreadsheetImport;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// Round trips of the three templates on the sample dataset (download, fill in as an office would, preview, confirm)
/// and the sheets that must be refused with the cell named and nothing stored.
/// </summary>
public sealed class SpreadsheetImportTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Figures = "foretagsuppgifter", Placements = "placeringar", Events = "informationsinsatser";
    private const string FiguresSheet = "Företagsuppgifter", PlacementsSheet = "Placeringar", EventsSheet = "Informationsinsatser";

    private DomainReader Reader => factory.Services.GetRequiredService<DomainReader>();

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(string type, string id) =>
        factory.Services.GetRequiredService<IAuditLog>().ReadAsync(type, id);

    private async Task<int> EventCountAsync() =>
        (await Reader.EventsAsync("finsam-gavleborg", "asf-2016-2020", new DateOnly(2016, 1, 1), new DateOnly(2020, 12, 31))).Count;

    [Fact]
    public async Task A_partner_office_fills_in_its_company_figures_and_the_confirmed_import_stores_audits_and_moves_the_indicators()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var template = await TemplateAsync(office, Figures, "?ar=2017");
        var rows = Rows(template, FiguresSheet);
        Assert.Equal(["asf-gladjeverket"], rows.Select(r => r[1]!.Text)); // Bollnäs' company only, not Söderhamn's Stenbacken
        var employedBefore = await IndicatorAsync(office, "anstallda-asf");

        var filled = SheetEditor.Set(template, FiguresSheet, ("D2", new DateOnly(2017, 12, 31)), ("E2", 5), ("F2", 4), ("G2", 3), ("H2", 2), ("I2", 1));
        var preview = await PreviewAsync(office, Figures, filled, "figurer-2017.xlsx", "?ar=2017");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var shown = await JsonAsync(preview);
        var row = shown.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal("ny", row.GetProperty("status").GetString());
        Assert.Equal(2, row.GetProperty("row").GetInt32());
        Assert.Contains(row.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Anställda kvinnor" && c.GetProperty("to").GetString() == "5");
        Assert.Empty(shown.GetProperty("problems").EnumerateArray());
        Assert.DoesNotContain((await Reader.CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures, f => f.Date.Year == 2017); // nothing yet

        var applied = await ApplyAsync(office, Figures, preview.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(1, (await JsonAsync(applied)).GetProperty("applied").GetInt32());
        var stored = (await Reader.CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures.Single(f => f.Date == new DateOnly(2017, 12, 31));
        Assert.Equal(new AsfPlatform.Domain.Model.CompanyFigures(new DateOnly(2017, 12, 31), 5, 4, null, 3, 2, 1), stored);
        var audit = (await AuditAsync(DomainWriter.Company, "finsam-gavleborg/company/asf-gladjeverket")).Last();
        Assert.Equal("Import från fil figurer-2017.xlsx", audit.Reason);
        Assert.Contains("\"employedWomen\":5", audit.AfterJson);
        Assert.Equal((employedBefore, 9m), (employedBefore, await IndicatorAsync(office, "anstallda-asf")));
    }

    [Fact]
    public async Task The_association_adds_and_changes_placements_from_the_template_and_the_places_granted_follow_the_sheet()
    {
        var admin = await AdminAsync(factory);
        var template = await TemplateAsync(admin, Placements);
        var rows = Rows(template, PlacementsSheet);
        var hudiksvall = rows.Single(r => r[1]!.Text == "p2017-hudiksvall");
        Assert.Equal(4, hudiksvall[5]!.Number);
        var grantedBefore = await IndicatorAsync(admin, "platser-stodfinansierade");
        var next = rows.Max(r => r.Number) + 1;

        var filled = SheetEditor.Set(template, PlacementsSheet, ($"E{hudiksvall.Number}", 6),
            ($"B{next}", 2017), ($"C{next}", 2183), ($"D{next}", "Unga vuxna"), ($"E{next}", 3), ($"F{next}", 250),
            ($"G{next}", 2), ($"H{next}", 2), ($"I{next}", 1), ($"J{next}", 1), ($"L{next}", 1));
        var preview = await PreviewAsync(admin, Placements, filled, "placeringar.xlsx");
        var shown = await JsonAsync(preview);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var statuses = shown.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r);
        Assert.Equal("ändrad", statuses[hudiksvall.Number].GetProperty("status").GetString());
        var change = statuses[hudiksvall.Number].GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("Beviljade platser", "4", "6"), (change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal("ny", statuses[next].GetProperty("status").GetString());
        Assert.All(statuses.Where(s => s.Key != next && s.Key != hudiksvall.Number), s => Assert.Equal("oförändrad", s.Value.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(admin, Placements, preview.Headers.ETag!.Tag)).StatusCode);

        var placements = await Reader.PlacementsAsync("finsam-gavleborg", "asf-2016-2020");
        Assert.Equal(6, placements.Single(p => p.Id == "p2017-hudiksvall").PlacesGranted);
        var added = placements.Single(p => p.TargetGroup == "Unga vuxna");
        Assert.Equal(("2183", 3, 250m, 2, 1), (added.Kommunkod, added.PlacesGranted, added.DailyRate, added.Use!.Participants, added.Outcomes!.Work));
        var audit = (await AuditAsync(DomainWriter.Insats, "finsam-gavleborg/asf-2016-2020")).TakeLast(2).ToList();
        Assert.All(audit, a => Assert.Equal("Import från fil placeringar.xlsx", a.Reason));
        Assert.Equal(grantedBefore + 2 + 3, await IndicatorAsync(admin, "platser-stodfinansierade"));
    }

    [Fact]
    public async Task A_partner_office_adds_an_event_from_the_template_and_the_event_indicators_count_it()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var template = await TemplateAsync(office, Events);
        var next = Rows(template, EventsSheet).Select(r => r.Number).DefaultIfEmpty(1).Max() + 1;
        var (eventsBefore, politiciansBefore) = (await IndicatorAsync(office, "informationsinsatser"), await IndicatorAsync(office, "politiker-informerade"));

        var filled = SheetEditor.Set(template, EventsSheet, ($"B{next}", new DateOnly(2017, 10, 10)), ($"C{next}", "Seminarium"),
            ($"D{next}", "Frukostseminarium om ASF i Bollnäs"), ($"E{next}", "2183"), ($"F{next}", 3), ($"G{next}", 10));
        var preview = await PreviewAsync(office, Events, filled, "aktiviteter.xlsx");
        Assert.Equal("ny", (await JsonAsync(preview)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("row").GetInt32() == next).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(office, Events, preview.Headers.ETag!.Tag)).StatusCode);

        var stored = (await Reader.EventsAsync("finsam-gavleborg", "asf-2016-2020", new DateOnly(2017, 10, 10), new DateOnly(2017, 10, 10)))
            .Single(e => e.Title == "Frukostseminarium om ASF i Bollnäs");
        Assert.Equal(("2183", AsfPlatform.Domain.Model.EventType.Seminarium, 3, 10), (stored.Kommunkod, stored.Type, stored.Audience.Politicians, stored.Audience.Employees));
        Assert.StartsWith("k2183-", stored.Id);
        Assert.Equal("Import från fil aktiviteter.xlsx", (await AuditAsync(DomainWriter.Insats, "finsam-gavleborg/asf-2016-2020")).Last().Reason);
        Assert.Equal(eventsBefore + 1, await IndicatorAsync(office, "informationsinsatser"));
        Assert.Equal((politiciansBefore ?? 0) + 3, await IndicatorAsync(office, "politiker-informerade"));
    }

    [Fact]
    public async Task A_renamed_column_is_refused_naming_its_heading_cell()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var filled = SheetEditor.Set(await TemplateAsync(office, Figures, "?ar=2019"), FiguresSheet, ("E1", "Kvinnor"),
            ("D2", new DateOnly(2019, 6, 30)), ("E2", 1), ("F2", 1), ("G2", 1), ("H2", 1), ("I2", 1));

        await AssertRefusedInPreviewAsync(office, Figures, filled, "?ar=2019", "Företagsuppgifter!E1");
        Assert.DoesNotContain((await Reader.CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures, f => f.Date.Year == 2019);
    }

    [Fact]
    public async Task Text_in_a_number_cell_is_refused_naming_the_cell()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var filled = SheetEditor.Set(await TemplateAsync(office, Figures, "?ar=2019"), FiguresSheet,
            ("D2", new DateOnly(2019, 6, 30)), ("E2", "fem"), ("F2", 1), ("G2", 1), ("H2", 1), ("I2", 1));

        var problem = await AssertRefusedInPreviewAsync(office, Figures, filled, "?ar=2019", "Företagsuppgifter!E2");
        Assert.Contains("ska vara ett tal", problem);
        Assert.DoesNotContain((await Reader.CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures, f => f.Date.Year == 2019);
    }

    [Fact]
    public async Task A_date_outside_the_insats_period_is_refused_naming_the_cell()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var template = await TemplateAsync(office, Events);
        var next = Rows(template, EventsSheet).Select(r => r.Number).DefaultIfEmpty(1).Max() + 1;
        var before = await EventCountAsync();
        var filled = SheetEditor.Set(template, EventsSheet, ($"B{next}", new DateOnly(2021, 3, 1)), ($"C{next}", "Seminarium"),
            ($"D{next}", "För sent"), ($"E{next}", "2183"));

        var problem = await AssertRefusedInPreviewAsync(office, Events, filled, "", $"Informationsinsatser!B{next}");
        Assert.Contains("utanför insatsens period", problem);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_row_for_another_municipalitys_company_refuses_the_whole_sheet_naming_the_cell()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var filled = SheetEditor.Set(await TemplateAsync(office, Figures, "?ar=2019"), FiguresSheet,
            ("D2", new DateOnly(2019, 6, 30)), ("E2", 1), ("F2", 1), ("G2", 1), ("H2", 1), ("I2", 1), // a good row of its own
            ("A3", "asf-stenbacken"), ("D3", new DateOnly(2019, 6, 30)), ("E3", 9), ("F3", 9), ("G3", 9), ("H3", 9), ("I3", 9));

        var problem = await AssertRefusedInPreviewAsync(office, Figures, filled, "?ar=2019", "Företagsuppgifter!A3");
        Assert.Contains("kommun 2182", problem);
        Assert.DoesNotContain((await Reader.CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures, f => f.Date.Year == 2019);
        Assert.DoesNotContain((await Reader.CompanyAsync("finsam-gavleborg", "asf-stenbacken")).Figures, f => f.Date.Year == 2019);
    }

    [Fact]
    public async Task A_personnummer_in_a_note_refuses_the_whole_file_naming_the_cell()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var template = await TemplateAsync(office, Events);
        var next = Rows(template, EventsSheet).Select(r => r.Number).DefaultIfEmpty(1).Max() + 1;
        var before = await EventCountAsync();
        var filled = SheetEditor.Set(template, EventsSheet, ($"B{next}", new DateOnly(2017, 3, 1)), ($"C{next}", "Seminarium"),
            ($"D{next}", "Möte"), ($"E{next}", "2183"), ($"J{next}", "Kontakt 19121212-1212"));

        var refused = await PreviewAsync(office, Events, filled, "aktiviteter.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("personnummer", (await JsonAsync(refused)).GetProperty("errors").GetProperty($"Informationsinsatser!J{next}")[0].GetString());
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_sheet_of_ten_thousand_rows_is_refused_naming_the_first_row_past_the_limit()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var big = SheetEditor.Rows(await TemplateAsync(office, Figures, "?ar=2019"), FiguresSheet, 10_000);

        var refused = await PreviewAsync(office, Figures, big, "stor.xlsx", "?ar=2019");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2 000 rader", (await JsonAsync(refused)).GetProperty("errors").GetProperty("Företagsuppgifter!2002")[0].GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_xlsx_is_refused_by_its_content_whatever_its_name()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);

        var refused = await PreviewAsync(office, Figures, "Företags-id;Datum\nasf-gladjeverket;2019-01-01\n"u8.ToArray(), "figurer.xlsx", "?ar=2019");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(".xlsx", (await JsonAsync(refused)).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Confirming_needs_the_previews_ETag_in_If_Match_and_applies_only_once()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var filled = SheetEditor.Set(await TemplateAsync(office, Figures, "?ar=2018"), FiguresSheet,
            ("D2", new DateOnly(2018, 3, 31)), ("E2", 1), ("F2", 1), ("G2", 0), ("H2", 0), ("I2", 0));
        var preview = await PreviewAsync(office, Figures, filled, "figurer.xlsx", "?ar=2018");
        var etag = preview.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await ApplyAsync(office, Figures, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ApplyAsync(office, Figures, "\"import-0000\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ApplyAsync(await OfficeAsync(factory, WriteEndpoint.OwnKommun), Figures, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(office, Figures, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ApplyAsync(office, Figures, etag)).StatusCode);
    }

    [Fact]
    public async Task An_import_whose_target_changed_after_the_preview_is_refused_and_nothing_is_applied()
    {
        var office = await OfficeAsync(factory, WriteEndpoint.OwnKommun);
        var filled = SheetEditor.Set(await TemplateAsync(office, Figures, "?ar=2016"), FiguresSheet,
            ("D2", new DateOnly(2016, 12, 31)), ("E2", 2), ("F2", 2), ("G2", 0), ("H2", 0), ("I2", 0));
        var preview = await PreviewAsync(office, Figures, filled, "figurer-2016.xlsx", "?ar=2016");
        // Someone records the same date through the API between preview and confirmation.
        var etag = (await office.GetAsync(WriteEndpoint.Company)).Headers.ETag!.Tag;
        using (var put = new HttpRequestMessage(HttpMethod.Put, WriteEndpoint.Company + "/figures")
               { Content = System.Net.Http.Json.JsonContent.Create(new { date = "2016-12-31", employedWomen = 7, employedMen = 7, participantsAf = 0, participantsMunicipality = 0, participantsOther = 0 }) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            Assert.Equal(HttpStatusCode.OK, (await office.SendAsync(put)).StatusCode);
        }

        var refused = await ApplyAsync(office, Figures, preview.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Contains("har ändrats sedan förhandsgranskningen", await refused.Content.ReadAsStringAsync());
        Assert.Equal(7, (await Reader.CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures.Single(f => f.Date == new DateOnly(2016, 12, 31)).EmployedWomen);
    }

    [Theory]
    [InlineData(AccessRole.Styrelse, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Läsare, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Partnerkontor, HttpStatusCode.OK)]
    public async Task Only_those_who_record_may_download_a_template(AccessRole role, HttpStatusCode expected)
    {
        var name = $"mall-{(int)role}-{Guid.NewGuid():N}"[..20];
        await factory.CreateUserAsync(name, role, role == AccessRole.Partnerkontor ? OrganisationRef.Municipality(WriteEndpoint.OwnKommun) : null);

        var response = await (await factory.TokenClientAsync(name)).GetAsync($"{Base}{Figures}/template?ar=2018");

        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<string> AssertRefusedInPreviewAsync(HttpClient client, string kind, byte[] file, string query, string cell)
    {
        var preview = await PreviewAsync(client, kind, file, "fel.xlsx", query);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Null(preview.Headers.ETag);
        var shown = await JsonAsync(preview);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("token").ValueKind);
        Assert.False(shown.GetProperty("canApply").GetBoolean());
        var problem = shown.GetProperty("problems").EnumerateArray().Single(p => $"{p.GetProperty("sheet").GetString()}!{p.GetProperty("cell").GetString()}" == cell);
        return problem.GetProperty("reason").GetString()!;
    }
}
