using System.Net;
using AsfPlatform.Reporting;
using AsfPlatform.TestSupport;
using static AsfPlatform.Host.Tests.SpreadsheetImport;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The exports as LibreOffice Calc opens them (converted headless): numbers are numbers and dates are dates, not text.
/// Where LibreOffice Calc is not installed (scripts/test.sh installs it), as the PDF tests do without LibreOffice, the files are checked with the platform's own reader only.
/// </summary>
public sealed class SpreadsheetExportTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private string? Soffice => factory.Services.GetRequiredService<PdfConverter>().SofficePath;

    private async Task<byte[]> ExportAsync(string path)
    {
        var response = await (await AdminAsync(factory)).GetAsync(WriteEndpoint.Owner + "/export/" + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SpreadsheetFileType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The heading → Calc cell of each data row of a sheet.</summary>
    private async Task<List<Dictionary<string, LibreOfficeSheets.CalcCell>>?> CalcRowsAsync(byte[] xlsx, string sheet)
    {
        if (Soffice is not { } soffice || !LibreOfficeSheets.CalcInstalled(soffice)) return null;
        var rows = (await LibreOfficeSheets.ReadAsync(soffice, xlsx))[sheet];
        var headings = rows[0].Select(c => c.Text).TakeWhile(t => t.Length > 0).ToList();
        return rows.Skip(1).Where(r => r.Any(c => c.Text.Length > 0))
            .Select(r => headings.Select((h, i) => (h, c: r[i])).ToDictionary(x => x.h, x => x.c)).ToList();
    }

    [Fact]
    public async Task The_indicator_table_opens_in_Calc_with_baseline_target_and_outcome_as_numbers_and_dates_as_dates()
    {
        var xlsx = await ExportAsync("indikatorer?plan=2017&datum=2017-12-31");

        var read = Rows(xlsx, "Indikatorer");
        Assert.Equal(11, read.Count);
        var rows = await CalcRowsAsync(xlsx, "Indikatorer");
        if (rows is null) return;
        var events = rows.Single(r => r["Id"].Text == "informationsinsatser");
        Assert.Equal("float", events["Målvärde"].Type);
        Assert.Equal("float", events["Utfall"].Type);
        Assert.Equal("date", events["Måldatum"].Type);
        Assert.Equal("2017-12-31", events["Per datum"].Value);
        Assert.Equal("string", events["Status"].Type);
    }

    [Fact]
    public async Task The_register_opens_in_Calc_with_one_row_per_company_and_its_latest_figures_as_numbers()
    {
        var admin = await AdminAsync(factory);
        var etag = (await admin.GetAsync(WriteEndpoint.Company)).Headers.ETag!.Tag;
        using (var put = new HttpRequestMessage(HttpMethod.Put, WriteEndpoint.Company + "/figures")
               { Content = System.Net.Http.Json.JsonContent.Create(new { date = "2019-12-31", employedWomen = 3, employedMen = 2, participantsAf = 1, participantsMunicipality = 0, participantsOther = 0 }) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(put)).StatusCode);
        }

        var xlsx = await ExportAsync("asf-register");

        Assert.Equal(2, Rows(xlsx, "ASF-register").Count);
        var rows = await CalcRowsAsync(xlsx, "ASF-register");
        if (rows is null) return;
        var gladjeverket = rows.Single(r => r["Id"].Text == "asf-gladjeverket");
        Assert.Equal(("float", "5"), (gladjeverket["Anställda totalt"].Type, gladjeverket["Anställda totalt"].Value));
        Assert.Equal(("date", "2019-12-31"), (gladjeverket["Siffror per"].Type, gladjeverket["Siffror per"].Value));
        Assert.Equal("string", gladjeverket["Kommun"].Type);
    }

    [Fact]
    public async Task Events_and_placements_of_a_period_open_in_Calc_on_a_sheet_each_with_numbers_and_dates()
    {
        var xlsx = await ExportAsync("handelser?fran=2017-01-01&till=2017-12-31");

        var events = Rows(xlsx, "Aktiviteter");
        Assert.NotEmpty(events);
        Assert.All(Rows(xlsx, "Placeringar"), r => Assert.Equal(2017, r[2]!.Number));
        var calcEvents = await CalcRowsAsync(xlsx, "Aktiviteter");
        if (calcEvents is null) return;
        Assert.All(calcEvents, e =>
        {
            Assert.Equal("date", e["Datum"].Type);
            Assert.StartsWith("2017-", e["Datum"].Value);
        });
        var placement = (await CalcRowsAsync(xlsx, "Placeringar"))!.First();
        Assert.Equal("float", placement["Beviljade platser"].Type);
        Assert.Equal("float", placement["Dagersättning (kr)"].Type);
        Assert.Equal("float", placement["År"].Type);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_naming_till()
    {
        var response = await (await AdminAsync(factory)).GetAsync(WriteEndpoint.Owner + "/export/handelser?fran=2018-01-01&till=2017-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("till", out _));
    }
}
