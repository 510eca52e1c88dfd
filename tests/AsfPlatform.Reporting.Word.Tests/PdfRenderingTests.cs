using AsfPlatform.TestSupport;

namespace AsfPlatform.Reporting.Word.Tests;

/// <summary>
/// Renders the sample through LibreOffice. Runs wherever LibreOffice is installed; on CI (env CI set) a missing
/// LibreOffice is a failure, not a skip, because the CI script installs it. Set ASF_RENDER_DIR to keep the
/// .docx and .pdf for a look (pdftoppm -png -r 60).
/// </summary>
public sealed class PdfRenderingTests
{
    [Fact]
    public async Task The_sample_converts_to_a_pdf_showing_headings_toc_entries_and_page_numbers()
    {
        var converter = new PdfConverter();
        if (!converter.IsAvailable)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "CI ska ha LibreOffice installerat: " + PdfConverter.NotInstalledMessage);
            return;
        }
        if (!File.Exists("/usr/bin/pdftotext") && Environment.GetEnvironmentVariable("CI") is null)
            return;

        var docx = SampleDocument.Build();
        var pdf = await converter.ConvertAsync(docx);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var folder = Environment.GetEnvironmentVariable("ASF_RENDER_DIR") ?? Directory.CreateTempSubdirectory("asf-render-").FullName;
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "exempel.docx"), docx);
        var pdfPath = Path.Combine(folder, "exempel.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);

        var text = Normalise(await PdfToText(pdfPath));
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Handlingsplan 2017", pages[0]);
        Assert.Contains($"Sida 1 av {pages.Length}", pages[0]);
        Assert.Contains($"Sida {pages.Length} av {pages.Length}", pages[^1]);

        // The TOC page lists every heading with its number, and no broken reference text.
        var toc = pages[1];
        Assert.Contains("Innehållsförteckning", toc);
        foreach (var entry in new[] { "1. Bakgrund", "1.1 Dubbla affärsidéer", "2.1.1 Ökad kunskap hos förtroendevalda", "4.1 Indikatorer", "Bilaga 1 – Aktivitetsplan" })
            Assert.Contains(entry, toc);
        Assert.DoesNotContain("Fel!", text);
        Assert.DoesNotContain("Error!", text);

        // Headings appear in the body too, numbered.
        var body = string.Join("\f", pages.Skip(2));
        foreach (var heading in new[] { "1. Bakgrund", "1.2 Definition", "3. Finansiering", "Bilaga 1 – Aktivitetsplan" })
            Assert.Contains(heading, body);
        Assert.Contains("800 000 kr", body);
    }

    [Fact]
    public async Task A_missing_LibreOffice_is_reported_in_Swedish()
    {
        var converter = new PdfConverter(Microsoft.Extensions.Options.Options.Create(new PdfConverterOptions { SofficePath = "/finns/inte/soffice" }));
        Assert.False(converter.IsAvailable);
        var error = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync([1, 2, 3]));
        Assert.Contains("LibreOffice (soffice) är inte installerat", error.Message);
    }

    private static string Normalise(string text) => text.Replace('\u00A0', ' ');

    private static async Task<string> PdfToText(string pdfPath) =>
        System.Text.RegularExpressions.Regex.Replace(await PdfText.ExtractAsync(pdfPath), "[ ]{2,}", " ");
}
