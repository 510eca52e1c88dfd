using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Spreadsheets;
using Xunit.Abstractions;
using static AsfPlatform.Host.Tests.SpreadsheetImport;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The import of 1,000 company-figure rows, previewed and applied through the API on a real SQLite host: every row
/// applied. It writes the durations to the test output; it asserts no time (speed is for the benchmarks, not for CI).
/// </summary>
public sealed class SpreadsheetImportTimingTests(DatasetHostFactory factory, ITestOutputHelper output) : IClassFixture<DatasetHostFactory>
{
    [Fact]
    public async Task A_sheet_of_a_thousand_company_figure_rows_is_previewed_and_applied_row_for_row()
    {
        var admin = await AdminAsync(factory);
        var companies = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, WriteEndpoint.Owner + "/companies")
            {
                Content = JsonContent.Create(new { id = $"asf-tid-{i}", name = $"Tidtagning {i}", legalForm = "Aktiebolag", kommunkod = "2183",
                    criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true } }),
            };
            create.Headers.TryAddWithoutValidation("If-None-Match", "*");
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(create)).StatusCode);
            companies.Add($"asf-tid-{i}");
        }
        var template = await TemplateAsync(admin, "foretagsuppgifter", "?ar=2018");
        var headings = WorkbookReader.Read(new MemoryStream(template)).Sheet("Företagsuppgifter")!.Heading!.Cells.Values.Select(c => new SheetColumn(c.Text)).ToList();
        var rows = Enumerable.Range(0, 1000).Select(i => (IReadOnlyList<object?>)
            [companies[i % 10], null, null, new DateOnly(2018, 1, 1).AddDays(i / 10), i % 7, i % 5, i % 3, 1, 0]).ToList();
        var file = WorkbookWriter.Write([new SheetSpec("Företagsuppgifter", headings, rows)]);

        var clock = Stopwatch.StartNew();
        var preview = await PreviewAsync(admin, "foretagsuppgifter", file, "tusen-rader.xlsx", "?ar=2018");
        var previewTime = clock.Elapsed;
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        clock.Restart();
        var applied = await ApplyAsync(admin, "foretagsuppgifter", preview.Headers.ETag!.Tag);
        var applyTime = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(1000, (await JsonAsync(applied)).GetProperty("applied").GetInt32());
        output.WriteLine($"1 000 rader ({file.Length:N0} byte): förhandsgranskning {previewTime.TotalMilliseconds:N0} ms, genomförande {applyTime.TotalMilliseconds:N0} ms");
    }
}
