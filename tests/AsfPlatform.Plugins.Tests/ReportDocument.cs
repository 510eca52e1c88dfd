using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AsfPlatform.Reporting;
using AsfPlatform.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml;

namespace AsfPlatform.Plugins.Tests;

/// <summary>
/// A generated .docx read back for assertions: validation, paragraph texts, headings, broken references, and the
/// PDF route through LibreOffice. Shared by all report tests in this project.
/// </summary>
public sealed partial class ReportDocument
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public ReportDocument(byte[] docx)
    {
        Bytes = docx;
        Main = PartXml("word/document.xml");
        Paragraphs = Main.Descendants(W + "p").Select(Text).ToList();
        AllText = string.Join("\n", Paragraphs);
    }

    public byte[] Bytes { get; }
    public XDocument Main { get; }

    /// <summary>Every paragraph's text (table cells included), in order, with no-break spaces as ordinary spaces.</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    public string AllText { get; }

    /// <summary>The texts of paragraphs styled as headings (Heading1..3), in order; a number written in the heading
    /// ("1.2", tab, title) reads "1.2 Dubbla affärsidéer".</summary>
    public IReadOnlyList<string> Headings => Main.Descendants(W + "p")
        .Where(p => p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value.StartsWith("Heading", StringComparison.Ordinal) == true)
        .Select(p => string.Concat(p.Descendants().Where(e => e.Name == W + "t" || e.Name == W + "tab" && e.Parent?.Name == W + "r")
            .Select(e => e.Name == W + "t" ? e.Value : " ")).Replace('\u00A0', ' ')).ToList();

    /// <summary>Validation errors against Office 2019, as readable lines.</summary>
    public IReadOnlyList<string> ValidationErrors()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>
    /// Internal hyperlinks (TOC entries) whose anchor has no bookmark, REF fields pointing nowhere, and Word's
    /// "bookmark not defined" texts.
    /// </summary>
    public IReadOnlyList<string> BrokenReferences()
    {
        var bookmarks = Main.Descendants(W + "bookmarkStart").Select(b => (string?)b.Attribute(W + "name")).OfType<string>().ToHashSet();
        var broken = Main.Descendants(W + "hyperlink").Select(h => (string?)h.Attribute(W + "anchor")).OfType<string>()
            .Where(a => !bookmarks.Contains(a)).Select(a => "ankare utan bokmärke: " + a).ToList();
        var instructions = string.Concat(Main.Descendants(W + "instrText").Select(i => i.Value));
        broken.AddRange(RefField().Matches(instructions).Select(m => m.Groups[1].Value)
            .Where(name => !bookmarks.Contains(name)).Select(name => "REF utan bokmärke: " + name));
        if (AllText.Contains("Fel! Bokmärket", StringComparison.Ordinal) || AllText.Contains("Error! Bookmark", StringComparison.Ordinal))
            broken.Add("texten \"Fel! Bokmärket är inte definierat\"");
        return broken;
    }

    /// <summary>The number of native charts (chart parts).</summary>
    public int ChartCount
    {
        get
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
            return document.MainDocumentPart!.ChartParts.Count();
        }
    }

    /// <summary>The tables, each as rows of cell texts (header row first).</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables => Main.Descendants(W + "tbl")
        .Select(t => (IReadOnlyList<IReadOnlyList<string>>)t.Elements(W + "tr")
            .Select(r => (IReadOnlyList<string>)r.Elements(W + "tc").Select(Text).ToList()).ToList()).ToList();

    public XDocument PartXml(string entry)
    {
        using var zip = new ZipArchive(new MemoryStream(Bytes));
        using var stream = zip.GetEntry(entry)!.Open();
        return XDocument.Load(stream);
    }

    public static string Text(XElement element) =>
        string.Concat(element.Descendants(W + "t").Select(t => t.Value)).Replace('\u00A0', ' ');

    /// <summary>
    /// Converts to PDF and returns pdftotext's text (no-break spaces normalised), or null when LibreOffice or
    /// pdftotext is missing outside CI. On CI (env CI set) a missing tool fails the test. Set ASF_RENDER_DIR to
    /// keep the .docx and .pdf (as <paramref name="name"/>.docx/.pdf) for a look.
    /// </summary>
    public async Task<string?> PdfTextAsync(PdfConverter converter, string name)
    {
        var onCi = Environment.GetEnvironmentVariable("CI") is not null;
        if (!converter.IsAvailable || !File.Exists("/usr/bin/pdftotext"))
        {
            Assert.False(onCi, "CI ska ha LibreOffice och poppler-utils installerade: " + PdfConverter.NotInstalledMessage);
            return null;
        }
        var pdf = await converter.ConvertAsync(Bytes);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var folder = Environment.GetEnvironmentVariable("ASF_RENDER_DIR") is { Length: > 0 } keep
            ? Directory.CreateDirectory(keep).FullName
            : Directory.CreateTempSubdirectory("asf-plugin-pdf-").FullName;
        try
        {
            var pdfPath = Path.Combine(folder, name + ".pdf");
            await File.WriteAllBytesAsync(pdfPath, pdf);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".docx"), Bytes);
            var text = await PdfText.ExtractAsync(pdfPath);
            return Spaces().Replace(text.Replace('\u00A0', ' '), " ");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("ASF_RENDER_DIR") is not { Length: > 0 })
                Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"REF\s+(_?\w+)")]
    private static partial Regex RefField();

    [GeneratedRegex("[ ]{2,}")]
    private static partial Regex Spaces();
}
