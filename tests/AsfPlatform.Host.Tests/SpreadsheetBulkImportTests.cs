using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Access;
using AsfPlatform.Host.Domain;
using AsfPlatform.Spreadsheets;
using static AsfPlatform.Host.Tests.SpreadsheetImport;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// Sheets of many company-figure rows through the API on a real host: a thousand rows applied, every one stored; and an
/// import whose storage fails midway (rows of different companies are written side by side) leaves nothing stored.
/// Their speed is measured by ImportBenchmarks, not here.
/// </summary>
public sealed class SpreadsheetBulkImportTests(FaultyStorageHostFactory factory) : IClassFixture<FaultyStorageHostFactory>
{
    private const string Owner = "finsam-gavleborg";

    [Fact]
    public async Task A_sheet_of_a_thousand_company_figure_rows_is_previewed_and_every_row_applied()
    {
        var admin = await AdminAsync(factory);
        var companies = await CompaniesAsync(admin, "tusen", 10);
        var file = await SheetAsync(admin, companies, 1000);

        var preview = await PreviewAsync(admin, "foretagsuppgifter", file, "tusen-rader.xlsx", "?ar=2018");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var applied = await ApplyAsync(admin, "foretagsuppgifter", preview.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(1000, (await JsonAsync(applied)).GetProperty("applied").GetInt32());
        var reader = factory.Services.GetRequiredService<DomainReader>();
        foreach (var id in companies)
            Assert.Equal(100, (await reader.CompanyAsync(Owner, id)).Figures.Count);
    }

    [Fact]
    public async Task A_storage_fault_midway_through_an_apply_undoes_every_row_written_and_nothing_stays_stored()
    {
        var admin = await AdminAsync(factory);
        var companies = await CompaniesAsync(admin, "fel", 6);
        var file = await SheetAsync(admin, companies, 120);
        var preview = await PreviewAsync(admin, "foretagsuppgifter", file, "avbruten.xlsx", "?ar=2018");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);

        factory.Faults.FailWriteOf("asf.company", passing: 60);
        var failed = await ApplyAsync(admin, "foretagsuppgifter", preview.Headers.ETag!.Tag);

        Assert.False(failed.IsSuccessStatusCode);
        Assert.Equal(1, factory.Faults.Failed);
        var reader = factory.Services.GetRequiredService<DomainReader>();
        foreach (var id in companies)
            Assert.Empty((await reader.CompanyAsync(Owner, id)).Figures);
        // Each row written before the fault has its entry and the entry of its undoing, both naming the file.
        var log = factory.Services.GetRequiredService<IAuditLog>();
        var entries = new List<AuditEntry>();
        foreach (var id in companies)
            entries.AddRange(await log.ReadAsync(DomainWriter.Company, $"{Owner}/company/{id}"));
        var written = entries.Count(e => e.Reason == "Import från fil avbruten.xlsx");
        Assert.InRange(written, 60, 119);
        Assert.Equal(written, entries.Count(e => e.Reason == "Import från fil avbruten.xlsx ångrad"));
    }

    private static async Task<IReadOnlyList<string>> CompaniesAsync(HttpClient admin, string prefix, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, WriteEndpoint.Owner + "/companies")
            {
                Content = JsonContent.Create(new { id = $"asf-{prefix}-{i}", name = $"Massimport {prefix} {i}", legalForm = "Aktiebolag", kommunkod = "2183",
                    criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true } }),
            };
            create.Headers.TryAddWithoutValidation("If-None-Match", "*");
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(create)).StatusCode);
            ids.Add($"asf-{prefix}-{i}");
        }
        return ids;
    }

    /// <summary>The companies' rows of 2018 in turn, one date after another, filled in the template's columns.</summary>
    private static async Task<byte[]> SheetAsync(HttpClient admin, IReadOnlyList<string> companies, int rows)
    {
        var template = await TemplateAsync(admin, "foretagsuppgifter", "?ar=2018");
        var headings = WorkbookReader.Read(new MemoryStream(template)).Sheet("Företagsuppgifter")!.Heading!.Cells.Values
            .Select(c => new SheetColumn(c.Text)).ToList();
        return WorkbookWriter.Write([new SheetSpec("Företagsuppgifter", headings, Enumerable.Range(0, rows).Select(i => (IReadOnlyList<object?>)
            [companies[i % companies.Count], null, null, new DateOnly(2018, 1, 1).AddDays(i / companies.Count), i % 7, i % 5, i % 3, 1, 0]).ToList())]);
    }
}
