using System.Diagnostics;
using System.Text.RegularExpressions;
using AsfPlatform.Reporting;
using AsfPlatform.TestSupport;

namespace AsfPlatform.Plugins.Tests;

/// <summary>The PDFs the board publishes: a table of contents whose page numbers are the pages the headings are on,
/// tagged for accessibility, with the document's title and language (sv-SE).</summary>
[Collection(DatasetCollection.Name)]
public sealed partial class PdfPublishingTests(DatasetFixture fixture)
{
    public static TheoryData<string, string> Documents => new()
    {
        { "slutrapport", "Slutrapport" },
        { "handlingsplan", "Handlingsplan 2017" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_pdf_is_tagged_in_Swedish_with_its_title_and_every_table_of_contents_entry_names_the_page_its_heading_is_on(string report, string title)
    {
        var arguments = report == "handlingsplan"
            ? new ReportArguments(DatasetFixture.Owner, DatasetFixture.Insats, 2017)
            : new ReportArguments(DatasetFixture.Owner, DatasetFixture.Insats);
        var docx = await fixture.RunAsync(report, arguments);
        if (!fixture.Pdf.IsAvailable || !File.Exists("/usr/bin/pdftotext") || !File.Exists("/usr/bin/pdfinfo"))
        {
            Assert.Null(Environment.GetEnvironmentVariable("CI")); // CI has LibreOffice and poppler-utils
            return;
        }
        var folder = Directory.CreateTempSubdirectory("asf-pdf-publish-");
        try
        {
            var path = Path.Combine(folder.FullName, report + ".pdf");
            await File.WriteAllBytesAsync(path, await fixture.Pdf.ConvertAsync(docx));

            var info = await RunAsync("pdfinfo", path);
            Assert.Matches(@"(?m)^Tagged:\s+yes", info);
            Assert.Matches(@$"(?m)^Title:\s+{Regex.Escape(title)}", info);
            // The document's language in the catalog, so a screen reader reads Swedish.
            Assert.Matches(@"/Lang\s*\(sv-SE\)", System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path)));

            var pages = (await PdfText.ExtractAsync(path)).Split('\f');
            var toc = Array.FindIndex(pages, p => p.Contains("Innehållsförteckning", StringComparison.Ordinal));
            Assert.True(toc >= 0, "Innehållsförteckningen saknas.");
            var entries = TocLine().Matches(pages[toc]).Select(m => (Title: Plain(m.Groups["title"].Value), Page: int.Parse(m.Groups["page"].Value))).ToList();
            Assert.True(entries.Count >= 5, $"För få rader med sidnummer i innehållsförteckningen:\n{pages[toc]}");
            foreach (var (heading, page) in entries)
            {
                Assert.InRange(page, toc + 2, pages.Length);
                // The entry's words without its number ("1.1 Dubbla affärsidéer" → "Dubbla affärsidéer").
                var words = NumberPrefix().Replace(heading, "");
                Assert.True(Plain(pages[page - 1]).Contains(words, StringComparison.Ordinal),
                    $"\"{heading}\" står inte på sidan {page}.");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Plain(string text) => Spaces().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    private static async Task<string> RunAsync(string tool, string path)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [GeneratedRegex(@"(?m)^\s*(?<title>\S.*?)\s*\.{4,}\s*(?<page>\d+)\s*$")]
    private static partial Regex TocLine();

    [GeneratedRegex(@"^(Bilaga\s+\d+\s+–\s+)?[\d.]+\s+")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
