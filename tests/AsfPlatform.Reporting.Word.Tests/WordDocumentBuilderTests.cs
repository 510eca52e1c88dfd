using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static AsfPlatform.Reporting.Word.Tests.DocumentInspection;

namespace AsfPlatform.Reporting.Word.Tests;

public sealed class WordDocumentBuilderTests
{
    private static readonly byte[] Sample = SampleDocument.Build();

    [Fact]
    public void A_document_using_every_feature_validates_with_zero_errors_against_Office2019()
    {
        using var document = Open(Sample);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_same_content_and_generation_time_give_identical_bytes()
    {
        var again = SampleDocument.Build();
        using (var a = new ZipArchive(new MemoryStream(Sample)))
        using (var b = new ZipArchive(new MemoryStream(again)))
        {
            Assert.Equal(a.Entries.Select(e => e.FullName), b.Entries.Select(e => e.FullName));
            foreach (var entry in a.Entries)
            {
                using var left = new StreamReader(entry.Open());
                using var right = new StreamReader(b.GetEntry(entry.FullName)!.Open());
                Assert.Equal(left.ReadToEnd(), right.ReadToEnd());
            }
        }
        Assert.Equal(Sample, again);
        Assert.NotEqual(Sample, SampleDocument.Build(SampleDocument.GeneratedAt.AddDays(1)));
    }

    [Fact]
    public void Every_table_of_contents_link_points_at_a_heading_bookmark_and_nothing_reads_as_a_broken_reference()
    {
        var main = MainXml(Sample);
        var bookmarks = main.Descendants(W + "bookmarkStart").Select(b => (string)b.Attribute(W + "name")!).ToHashSet();
        var anchors = main.Descendants(W + "hyperlink").Select(h => (string?)h.Attribute(W + "anchor")).ToList();

        Assert.Equal(10, anchors.Count);
        Assert.All(anchors, anchor => Assert.Contains(anchor!, bookmarks));
        Assert.DoesNotContain("Fel! Bokmärket", Text(main.Root!));
        Assert.DoesNotContain("Error! Bookmark", Text(main.Root!));
    }

    [Fact]
    public void Every_relationship_id_used_in_a_part_resolves_to_a_relationship_of_that_part()
    {
        using var document = Open(Sample);
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = new List<OpenXmlPart> { document.MainDocumentPart! };
        parts.AddRange(document.MainDocumentPart!.Parts.Select(p => p.OpenXmlPart));
        foreach (var part in parts)
        {
            var known = part.Parts.Select(p => p.RelationshipId)
                .Concat(part.ExternalRelationships.Select(e => e.Id))
                .Concat(part.HyperlinkRelationships.Select(h => h.Id))
                .ToHashSet();
            using var stream = part.GetStream();
            if (!part.ContentType.EndsWith("xml", StringComparison.Ordinal))
                continue;
            var used = XDocument.Load(stream).Descendants().Attributes().Where(a => a.Name.Namespace == r).Select(a => a.Value);
            Assert.All(used, id => Assert.Contains(id, known));
        }
        Assert.Equal(2, document.MainDocumentPart!.ChartParts.Count());
    }

    [Fact]
    public void The_table_of_contents_is_a_prefilled_TOC_field_in_a_table_of_contents_block_listing_Words_heading_numbers()
    {
        var main = MainXml(Sample);
        var sdt = main.Descendants(W + "sdt").Single();
        Assert.Equal("Table of Contents", (string?)sdt.Descendants(W + "docPartGallery").Single().Attribute(W + "val"));
        Assert.Contains(sdt.Descendants(W + "instrText"), i => i.Value.Contains("TOC \\o \"1-3\" \\h \\z \\u"));

        var entries = sdt.Descendants(W + "hyperlink").Select(h => string.Concat(h.Descendants(W + "t").Select(t => t.Value))).ToList();
        Assert.Equal(
            ["1.Bakgrund", "1.1Dubbla affärsidéer", "1.2Definition", "2.Mål", "2.1Processmål", "2.1.1Ökad kunskap hos förtroendevalda",
             "3.Finansiering", "4.Uppföljning", "4.1Indikatorer", "Bilaga 1 – Aktivitetsplan"],
            entries);
    }

    [Fact]
    public void Word_opens_the_document_without_asking_to_update_fields()
    {
        var settings = PartXml(Sample, "word/settings.xml");
        Assert.Null(settings.Root!.Element(W + "updateFields"));
        using var zip = new ZipArchive(new MemoryStream(Sample));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var part = XDocument.Load(entry.Open());
            Assert.DoesNotContain(part.Descendants(W + "fldChar"), f => (string?)f.Attribute(W + "dirty") is "true" or "1" or "on");
            Assert.DoesNotContain(part.Descendants(W + "fldSimple"), f => (string?)f.Attribute(W + "dirty") is "true" or "1" or "on");
        }
    }

    [Fact]
    public void Headings_use_the_multilevel_list_and_carry_outline_levels_so_Word_numbers_them()
    {
        var numbering = PartXml(Sample, "word/numbering.xml");
        var levels = numbering.Descendants(W + "abstractNum").First().Elements(W + "lvl")
            .Select(l => ((string?)l.Element(W + "pStyle")!.Attribute(W + "val"), (string?)l.Element(W + "lvlText")!.Attribute(W + "val")));
        Assert.Equal([("Heading1", "%1."), ("Heading2", "%1.%2"), ("Heading3", "%1.%2.%3")], levels);

        var appendix = MainXml(Sample).Descendants(W + "p")
            .Single(p => Text(p) == "Bilaga 1 – Aktivitetsplan" && p.Descendants(W + "pStyle").Any(s => (string?)s.Attribute(W + "val") == "Heading1"));
        Assert.Equal("0", (string?)appendix.Descendants(W + "numId").Single().Attribute(W + "val"));
    }

    [Fact]
    public void Table_header_rows_repeat_on_each_page_and_no_row_splits_across_pages()
    {
        var tables = MainXml(Sample).Descendants(W + "tbl").ToList();
        Assert.Equal(3, tables.Count);
        foreach (var table in tables)
        {
            var rows = table.Elements(W + "tr").ToList();
            Assert.NotNull(rows[0].Element(W + "trPr")!.Element(W + "tblHeader"));
            Assert.All(rows, row => Assert.NotNull(row.Element(W + "trPr")!.Element(W + "cantSplit")));
            Assert.All(rows.Skip(1), row => Assert.Null(row.Element(W + "trPr")!.Element(W + "tblHeader")));
        }
        var widths = tables[0].Element(W + "tblGrid")!.Elements(W + "gridCol").Select(c => (int)c.Attribute(W + "w")!).ToList();
        Assert.Equal([4990, 2268, 1814], widths);
    }

    [Fact]
    public void Status_badges_show_the_domains_Swedish_status_words_on_their_own_colour()
    {
        var cells = MainXml(Sample).Descendants(W + "tc").ToList();
        string? FillOf(string words) => (string?)cells.Single(c => Text(c) == words).Descendants(W + "shd").Single().Attribute(W + "fill");
        Assert.Equal("D8EFD9", FillOf("Uppnått"));
        Assert.Equal("DCEBF7", FillOf("I fas"));
        Assert.Equal("FCEBC7", FillOf("Risk"));
        Assert.Equal("F8D7D5", FillOf("Ej i fas"));
        Assert.Equal("EDEDED", FillOf("Saknar data"));
    }

    [Fact]
    public void Charts_embed_a_workbook_whose_cells_match_the_chart_caches()
    {
        using var document = Open(Sample);
        XNamespace c = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        foreach (var chart in document.MainDocumentPart!.ChartParts)
        {
            var xml = XDocument.Load(chart.GetStream());
            var workbookPart = Assert.Single(chart.EmbeddedPackagePart is { } p ? [p] : Array.Empty<EmbeddedPackagePart>());
            var rId = (string?)xml.Descendants(c + "externalData").Single().Attribute(XName.Get("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"));
            Assert.Equal(chart.GetIdOfPart(workbookPart), rId);

            using var workbook = SpreadsheetDocument.Open(workbookPart.GetStream(), false);
            var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
            var cells = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .ToDictionary(cell => cell.CellReference!.Value!, cell => cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "");

            foreach (var reference in xml.Descendants(c + "f"))
            {
                // "Blad1!$B$2:$B$6" → the cached points must equal the workbook's cells in that range.
                var formula = reference.Value;
                Assert.StartsWith($"{sheet.Name!.Value}!", formula);
                var cache = reference.ElementsAfterSelf().Single();
                var cached = cache.Elements(c + "pt").Select(pt => pt.Element(c + "v")!.Value).ToList();
                Assert.Equal(int.Parse(cache.Element(c + "ptCount")!.Attribute("val")!.Value), cached.Count);
                Assert.Equal(cached, CellsIn(formula).Select(cellRef => cells[cellRef]).ToList());
            }
            var scaling = xml.Descendants(c + "valAx").Single().Element(c + "scaling")!;
            Assert.Equal("0", (string?)scaling.Element(c + "min")!.Attribute("val"));
            Assert.All(xml.Descendants(c + "ser"), ser => Assert.NotNull(ser.Element(c + "spPr")));
        }

        var docPrs = MainXml(Sample).Descendants(XName.Get("docPr", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")).ToList();
        Assert.Equal(docPrs.Count, docPrs.Select(d => (string)d.Attribute("id")!).Distinct().Count());
        Assert.All(docPrs, d => Assert.False(string.IsNullOrWhiteSpace((string?)d.Attribute("descr"))));
    }

    /// <summary>"Blad1!$B$2:$B$6" → B2..B6; "Blad1!$B$1" → B1 (single column ranges only, as the builder writes).</summary>
    private static IEnumerable<string> CellsIn(string formula)
    {
        var parts = formula[(formula.IndexOf('!') + 1)..].Replace("$", "").Split(':');
        var column = new string(parts[0].TakeWhile(char.IsLetter).ToArray());
        var from = int.Parse(parts[0][column.Length..]);
        var to = parts.Length > 1 ? int.Parse(parts[1][column.Length..]) : from;
        return Enumerable.Range(from, to - from + 1).Select(row => column + row);
    }

    [Fact]
    public void The_document_is_Swedish_and_carries_its_title_author_and_creation_time()
    {
        var styles = PartXml(Sample, "word/styles.xml");
        Assert.Equal("sv-SE", (string?)styles.Descendants(W + "docDefaults").Descendants(W + "lang").Single().Attribute(W + "val"));
        var settings = PartXml(Sample, "word/settings.xml");
        Assert.Equal(",", (string?)settings.Root!.Element(W + "decimalSymbol")!.Attribute(W + "val"));
        Assert.Equal(";", (string?)settings.Root!.Element(W + "listSeparator")!.Attribute(W + "val"));

        using var document = Open(Sample);
        var core = XDocument.Load(document.CoreFilePropertiesPart!.GetStream());
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        Assert.Equal("Handlingsplan 2017", core.Descendants(dc + "title").Single().Value);
        Assert.Equal("Samordningsförbund Gävleborg", core.Descendants(dc + "creator").Single().Value);
        Assert.Equal("2017-01-20T08:30:00Z", core.Descendants(dcterms + "created").Single().Value);
    }

    [Fact]
    public void The_footer_counts_pages_with_PAGE_and_NUMPAGES_fields()
    {
        using var zip = new ZipArchive(new MemoryStream(Sample));
        var footer = XDocument.Load(zip.Entries.Single(e => e.FullName.StartsWith("word/footer", StringComparison.Ordinal)).Open());
        var instructions = footer.Descendants(W + "fldSimple").Select(f => ((string)f.Attribute(W + "instr")!).Trim()).ToList();
        Assert.Equal(["PAGE \\* MERGEFORMAT", "NUMPAGES \\* MERGEFORMAT"], instructions);
        Assert.StartsWith("Sida 1 av 1", Text(footer.Root!));
    }

    [Fact]
    public void Bad_content_is_refused_with_a_Swedish_message_naming_the_problem()
    {
        var builder = new WordDocumentBuilder(SampleDocument.GeneratedAt);
        var uneven = Assert.Throws<ArgumentException>(() => builder.Chart(new ChartSpec(ChartKind.Bar, "T", ["2016", "2017"], [new ChartSeries("Anställda", [1])], "alt")));
        Assert.Contains("Serien \"Anställda\" har 1 värden", uneven.Message);
        var noAlt = Assert.Throws<ArgumentException>(() => builder.Chart(new ChartSpec(ChartKind.Bar, "T", ["2016"], [new ChartSeries("A", [1])], " ")));
        Assert.Contains("alternativtext", noAlt.Message);
        var row = Assert.Throws<ArgumentException>(() => builder.Table(new TableSpec(["A", "B"], [["bara en"]])));
        Assert.Contains("Rad 1 har 1 celler men tabellen har 2 kolumner", row.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Heading("Fyra", 4));
    }

    [Fact]
    public void Column_widths_honour_percentages_and_share_the_rest()
    {
        Assert.Equal([4536, 2268, 2268], WordTable.ColumnWidths([new TableColumn("A", 50), "B", "C"]));
        Assert.Throws<ArgumentException>(() => WordTable.ColumnWidths([new TableColumn("A", 80), new TableColumn("B", 30)]));
    }
}

public sealed class WordLayoutTests
{
    [Fact]
    public void A_chart_with_a_single_point_per_series_becomes_a_sentence()
    {
        var builder = new WordDocumentBuilder(SampleDocument.GeneratedAt);
        builder.Chart(new ChartSpec(ChartKind.Line, "Registrerade ASF i länet", ["2016"], [new ChartSeries("Företag", [34]), new ChartSeries("Anställda", [179])], "alt", "Antal"));
        var docx = builder.ToArray();
        using var document = Open(docx);
        Assert.Empty(document.MainDocumentPart!.ChartParts);
        Assert.Contains("Registrerade ASF i länet, 2016: Företag 34 och Anställda 179 (antal).", Text(MainXml(docx).Root!));
    }

    [Fact]
    public void A_page_break_starts_the_next_block_on_a_new_page_instead_of_adding_a_paragraph()
    {
        var main = MainXml(SampleDocument.Build());
        Assert.DoesNotContain(main.Descendants(W + "br"), b => (string?)b.Attribute(W + "type") == "page");
        var breaking = main.Descendants(W + "pageBreakBefore").Select(b => b.Ancestors(W + "p").First()).ToList();
        // After the cover (the table of contents' title), after the table of contents and before the appendix.
        Assert.Equal(["Innehållsförteckning", "Bakgrund", "Bilaga 1 – Aktivitetsplan"], breaking.Select(p => Text(p)));
    }

    [Fact]
    public void Tables_keep_the_header_with_the_first_row_and_the_total_row_with_the_row_before_it()
    {
        var table = MainXml(SampleDocument.Build()).Descendants(W + "tbl").First();
        var kept = table.Elements(W + "tr").Select(r => r.Descendants(W + "p").All(p => p.Element(W + "pPr")?.Element(W + "keepNext") is not null)).ToList();
        // Header, 3 budget lines and the Summa row: the header and first line go together, and the last line with Summa.
        Assert.Equal([true, true, false, true, false], kept);
    }

    [Fact]
    public void A_column_is_never_narrower_than_its_longest_word()
    {
        var widths = WordTable.ColumnWidths(
            [new TableColumn("Kommun", 8), new TableColumn("Aktivitet", 80), new TableColumn("Antal", 12, ColumnAlignment.Right)],
            [["Länsövergripande", "Konferens om arbetsintegrerande sociala företag", "12"]]);
        var narrowest = WordTable.ColumnWidths([new TableColumn("Kommun", 8), new TableColumn("Aktivitet", 80), new TableColumn("Antal", 12)]);
        Assert.True(widths[0] > narrowest[0]);
        Assert.True(widths[0] >= "Länsövergripande".Length * 100, $"{widths[0]} twips räcker inte för \"Länsövergripande\".");
        Assert.InRange(widths.Sum(), PageGeometry.TextWidth - 2, PageGeometry.TextWidth + 2);
    }
}

/// <summary>Headings that carry the numbers their source gave them (the 2017 plan's 1.2 after 1.).</summary>
public sealed class NumberedHeadingTests
{
    [Fact]
    public void A_heading_with_its_own_number_prints_that_number_without_list_numbering_and_the_table_of_contents_says_the_same()
    {
        var builder = new WordDocumentBuilder(SampleDocument.GeneratedAt);
        builder.CoverPage(new CoverPage("Handlingsplan 2017")).TableOfContents()
            .NumberedHeading("1.", "Bakgrund", 1).Paragraph("Text.")
            .NumberedHeading("1.2", "Dubbla affärsidéer", 2).Paragraph("Text.");
        var bytes = builder.ToArray();
        var main = MainXml(bytes);

        var headings = main.Descendants(W + "p").Where(p => (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val") is "Heading1" or "Heading2").ToList();
        Assert.Equal(["1.Bakgrund", "1.2Dubbla affärsidéer"], headings.Select(h => Text(h)));
        // Word's automatic numbering is off for them (numId 0), so it never renumbers 1.2 as 1.1.
        Assert.All(headings, h => Assert.Equal("0", (string?)h.Element(W + "pPr")!.Element(W + "numPr")!.Element(W + "numId")!.Attribute(W + "val")));
        var toc = main.Descendants(W + "hyperlink").Select(h => Text(h)).ToList();
        Assert.Equal(["1.Bakgrund", "1.2Dubbla affärsidéer"], toc);
        using var document = Open(bytes);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
    }
}
