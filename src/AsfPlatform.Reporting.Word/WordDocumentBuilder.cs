using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AsfPlatform.Reporting.Word;

/// <summary>
/// Builds a .docx from content calls. Everything is collected first and written by <see cref="ToArray"/>, which
/// is how the table of contents can list headings written after it. Output is deterministic: the same calls and
/// the same generation time give the same bytes (explicit relationship ids, counters instead of random ids,
/// fixed zip timestamps). Not thread-safe; one builder per document.
/// </summary>
public sealed class WordDocumentBuilder : IDocumentBuilder
{
    private const string StylesId = "rIdStyles";
    private const string NumberingId = "rIdNumbering";
    private const string SettingsId = "rIdSettings";
    private const string HeaderId = "rIdHeader";
    private const string FirstHeaderId = "rIdHeaderFirst";
    private const string FooterId = "rIdFooter";

    private readonly DateTimeOffset _generatedAt;
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<TocEntry> _headings = [];
    private readonly List<(string Id, ChartSpec Spec)> _charts = [];
    private readonly int[] _numbers = new int[3];
    private CoverPage? _cover;
    private int? _tocIndex;
    private string _tocTitle = "Innehållsförteckning";
    private int _bookmarkId;
    private int _drawingId;

    /// <summary>Creates a builder; <paramref name="generatedAt"/> becomes the created date and the cover's "Utskriven" date.</summary>
    public WordDocumentBuilder(DateTimeOffset generatedAt) => _generatedAt = generatedAt;

    /// <inheritdoc />
    public IDocumentBuilder CoverPage(CoverPage cover)
    {
        ArgumentNullException.ThrowIfNull(cover);
        if (_cover is not null)
            throw new InvalidOperationException("Dokumentet har redan ett omslag.");
        _cover = cover;

        if (!string.IsNullOrWhiteSpace(cover.Owner))
            _body.Add(StyledParagraph("CoverOwner", cover.Owner));
        _body.Add(StyledParagraph("Title", cover.Title));
        _body.Add(StyledParagraph("Subtitle", cover.Subtitle ?? ""));

        var facts = new List<(string Label, string? Value)>
        {
            ("Ägare", cover.Owner), ("Period", cover.Period), (cover.DateLabel, cover.Date is { } date ? SwedishFormat.Date(date) : null),
            ("Version", cover.Version), ("Utskriven", SwedishFormat.Date(_generatedAt)),
        };
        foreach (var (label, value) in facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
            _body.Add(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "CoverMeta" }, new Tabs(new TabStop { Val = TabStopValues.Left, Position = 1418 })),
                TextRun(label, bold: true), new Run(new TabChar()), TextRun(value!)));
        return PageBreak();
    }

    /// <inheritdoc />
    public IDocumentBuilder TableOfContents(string title = "Innehållsförteckning")
    {
        if (_tocIndex is not null)
            throw new InvalidOperationException("Dokumentet har redan en innehållsförteckning.");
        _tocTitle = title;
        _tocIndex = _body.Count;
        return PageBreak();
    }

    /// <inheritdoc />
    public IDocumentBuilder Heading(string text, int level = 1, bool numbered = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (level is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(level), level, "Rubriknivån måste vara 1, 2 eller 3.");

        // Track the numbers Word will show, so the pre-filled table of contents says the same.
        string? number = null;
        if (numbered)
        {
            _numbers[level - 1]++;
            for (var deeper = level; deeper < _numbers.Length; deeper++)
                _numbers[deeper] = 0;
            number = level == 1 ? $"{_numbers[0]}." : string.Join('.', _numbers.Take(level));
        }

        var id = ++_bookmarkId;
        var bookmark = $"_Toc{100000000 + id}";
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
        if (!numbered)
            properties.Append(new NumberingProperties(new NumberingId { Val = 0 }));
        _body.Add(new Paragraph(
            properties,
            new BookmarkStart { Id = id.ToString(), Name = bookmark },
            TextRun(text),
            new BookmarkEnd { Id = id.ToString() }));
        _headings.Add(new TocEntry(level, number, text, bookmark));
        return this;
    }

    /// <inheritdoc />
    public IDocumentBuilder NumberedHeading(string number, string text, int level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (level is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(level), level, "Rubriknivån måste vara 1, 2 eller 3.");
        var id = ++_bookmarkId;
        var bookmark = $"_Toc{100000000 + id}";
        // Word's list numbering is switched off for this heading and the number written as text, laid out as the
        // automatic numbers are (number, tab, title on a hanging indent), so the page looks the same.
        var properties = new ParagraphProperties(
            new ParagraphStyleId { Val = $"Heading{level}" },
            new NumberingProperties(new NumberingId { Val = 0 }),
            new Tabs(new TabStop { Val = TabStopValues.Left, Position = 709 }),
            new Indentation { Left = "709", Hanging = "709" });
        _body.Add(new Paragraph(
            properties,
            new BookmarkStart { Id = id.ToString(), Name = bookmark },
            TextRun(number.Trim()),
            new Run(new TabChar()),
            TextRun(text),
            new BookmarkEnd { Id = id.ToString() }));
        _headings.Add(new TocEntry(level, number.Trim(), text, bookmark));
        return this;
    }

    /// <inheritdoc />
    public IDocumentBuilder Paragraph(string text) => Paragraph(new TextSpan(text));

    /// <inheritdoc />
    public IDocumentBuilder Paragraph(params TextSpan[] spans)
    {
        var paragraph = new Paragraph(spans.Select(s => TextRun(s.Text, s.Bold, s.Italic)));
        // A paragraph that is all bold is a lead-in to what follows (a municipality's name, an indicator's title)
        // and must not end a page alone, like a heading.
        if (spans.Length > 0 && spans.All(s => s.Bold))
            paragraph.PrependChild(new ParagraphProperties(new KeepNext()));
        _body.Add(paragraph);
        return this;
    }

    /// <inheritdoc />
    public IDocumentBuilder BulletList(IEnumerable<string> items)
    {
        foreach (var item in items)
            _body.Add(StyledParagraph("ListBullet", item));
        return this;
    }

    /// <inheritdoc />
    public IDocumentBuilder Table(TableSpec table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!string.IsNullOrWhiteSpace(table.Caption))
            _body.Add(StyledParagraph("Caption", table.Caption));
        _body.Add(WordTable.Build(table));
        _body.Add(StyledParagraph("BlockSpacer", ""));
        return this;
    }

    /// <inheritdoc />
    public IDocumentBuilder Chart(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Series.Count == 0 || chart.Categories.Count == 0)
            throw new ArgumentException("Ett diagram behöver minst en serie och en kategori.", nameof(chart));
        if (chart.Series.FirstOrDefault(s => s.Values.Count != chart.Categories.Count) is { } uneven)
            throw new ArgumentException($"Serien \"{uneven.Name}\" har {uneven.Values.Count} värden men diagrammet har {chart.Categories.Count} kategorier.", nameof(chart));
        if (string.IsNullOrWhiteSpace(chart.AltText))
            throw new ArgumentException("Diagrammet saknar alternativtext (AltText) för skärmläsare.", nameof(chart));
        // A line or bar with one point per series shows no development and wastes half a page: say it in a sentence.
        if (chart.Categories.Count < 2)
            return Paragraph(SinglePointSentence(chart));

        var relationshipId = $"rIdChart{_charts.Count + 1}";
        _charts.Add((relationshipId, chart));
        _body.Add(new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(WordDrawing.InlineChart(relationshipId, ++_drawingId, chart))));
        _body.Add(StyledParagraph("BlockSpacer", ""));
        return this;
    }

    /// <summary>"Registrerade ASF i länet, 2016: Hälsingland 15, Gästrikland 10." — a one-category chart as prose.</summary>
    internal static string SinglePointSentence(ChartSpec chart)
    {
        var values = chart.Series.Select(s => $"{s.Name} {SwedishFormat.Number((decimal)s.Values[0], 1)}");
        var category = chart.Title.Contains(chart.Categories[0], StringComparison.CurrentCultureIgnoreCase) ? "" : ", " + chart.Categories[0];
        return $"{chart.Title}{category}: {SwedishText.Join(values)}" + (chart.ValueAxisTitle is { } unit ? $" ({unit.ToLower(SwedishFormat.Culture)})." : ".");
    }

    /// <inheritdoc />
    public IDocumentBuilder PageBreak()
    {
        // Not a paragraph holding a break: when the page before ends full, that paragraph alone spills onto a page
        // of its own and the document gets an empty page. The next block starts the page instead (ToArray), and
        // marks in a row make one break.
        _body.Add(new PageBreakMark());
        return this;
    }

    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    public void Save(Stream output)
    {
        var bytes = ToArray();
        output.Write(bytes);
    }

    /// <summary>Returns the finished .docx.</summary>
    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            // The main part first, then core properties (WORD.md); explicit ids everywhere keep output reproducible.
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            WriteXml(document.AddNewPart<CoreFilePropertiesPart>("rIdCore"), CoreProperties());
            WriteText(main.AddNewPart<StyleDefinitionsPart>(StylesId), WordStyles.Styles);
            WriteText(main.AddNewPart<NumberingDefinitionsPart>(NumberingId), WordStyles.Numbering);
            WriteText(main.AddNewPart<DocumentSettingsPart>(SettingsId), WordStyles.Settings);
            main.AddNewPart<HeaderPart>(HeaderId).Header = WordPageFurniture.Header(_cover);
            main.AddNewPart<HeaderPart>(FirstHeaderId).Header = WordPageFurniture.EmptyHeader();
            main.AddNewPart<FooterPart>(FooterId).Footer = WordPageFurniture.Footer();

            foreach (var (id, spec) in _charts)
            {
                var chartPart = main.AddNewPart<ChartPart>(id);
                var workbook = chartPart.AddNewPart<EmbeddedPackagePart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "rId1");
                using (var data = new MemoryStream(EmbeddedWorkbook.Build(spec)))
                    workbook.FeedData(data);
                WriteXml(chartPart, ChartXml.Build(spec, "rId1"));
            }

            var blocks = _body.Select(e => e.CloneNode(true)).ToList();
            if (_tocIndex is { } at)
                blocks.Insert(at, WordTableOfContents.Build(_tocTitle, _headings));
            var body = new Body(BreakPages(blocks));
            body.Append(SectionProperties());
            main.Document = new Document(body);
        }
        return DeterministicZip.Normalize(stream.ToArray());
    }

    /// <summary>
    /// Turns each page-break mark into "page break before" on the first paragraph of the next block (a table's first
    /// cell, the table of contents' title); a mark at the end of the document is dropped.
    /// </summary>
    private static IEnumerable<OpenXmlElement> BreakPages(IEnumerable<OpenXmlElement> blocks)
    {
        var pending = false;
        foreach (var block in blocks)
        {
            if (block is PageBreakMark)
            {
                pending = true;
                continue;
            }
            if (pending && (block as Paragraph ?? block.Descendants<Paragraph>().FirstOrDefault()) is { } first)
            {
                var properties = first.ParagraphProperties ?? first.PrependChild(new ParagraphProperties());
                // Schema order: pPr starts with pStyle, then keepNext/keepLines, then pageBreakBefore.
                var after = (OpenXmlElement?)properties.GetFirstChild<KeepLines>() ?? (OpenXmlElement?)properties.GetFirstChild<KeepNext>() ?? properties.GetFirstChild<ParagraphStyleId>();
                if (after is null) properties.PrependChild(new PageBreakBefore());
                else properties.InsertAfter(new PageBreakBefore(), after);
                pending = false;
            }
            yield return block;
        }
    }

    /// <summary>A place holder in the body for <see cref="PageBreak"/>, resolved when the document is written.</summary>
    private sealed class PageBreakMark : OpenXmlLeafElement
    {
        public override OpenXmlElement CloneNode(bool deep) => new PageBreakMark();
    }

    private SectionProperties SectionProperties() => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = HeaderId },
        new HeaderReference { Type = HeaderFooterValues.First, Id = FirstHeaderId },
        new FooterReference { Type = HeaderFooterValues.Default, Id = FooterId },
        new FooterReference { Type = HeaderFooterValues.First, Id = FooterId },
        new PageSize { Width = PageGeometry.PageWidth, Height = PageGeometry.PageHeight },
        new PageMargin
        {
            Top = PageGeometry.Margin, Bottom = PageGeometry.Margin, Left = (uint)PageGeometry.Margin, Right = (uint)PageGeometry.Margin,
            Header = (uint)PageGeometry.HeaderDistance, Footer = (uint)PageGeometry.HeaderDistance, Gutter = 0,
        },
        new Columns { Space = "708" },
        // The cover gets no running header (its title is already the page), but keeps the page-number footer.
        new TitlePage());

    private XDocument CoreProperties()
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var created = _generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new XDocument(new XDeclaration("1.0", "UTF-8", "yes"),
            new XElement(cp + "coreProperties",
                new XAttribute(XNamespace.Xmlns + "cp", cp),
                new XAttribute(XNamespace.Xmlns + "dc", dc),
                new XAttribute(XNamespace.Xmlns + "dcterms", dcterms),
                new XAttribute(XNamespace.Xmlns + "xsi", xsi),
                new XElement(dc + "title", _cover?.Title ?? "Rapport"),
                _cover?.Subtitle is { } subject ? new XElement(dc + "subject", subject) : null,
                new XElement(dc + "creator", _cover?.Owner ?? "AsfPlatform"),
                new XElement(dc + "language", "sv-SE"),
                new XElement(cp + "lastModifiedBy", "AsfPlatform"),
                _cover?.Version is { } version ? new XElement(cp + "version", version) : null,
                new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"), created),
                new XElement(dcterms + "modified", new XAttribute(xsi + "type", "dcterms:W3CDTF"), created)));
    }

    internal static Paragraph StyledParagraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    internal static Run TextRun(string text, bool bold = false, bool italic = false, string? colour = null)
    {
        var run = new Run();
        if (bold || italic || colour is not null)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (italic) properties.Append(new Italic());
            if (colour is not null) properties.Append(new Color { Val = colour });
            run.Append(properties);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static void WriteText(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(new UTF8Encoding(false).GetBytes(xml));
        part.FeedData(data);
    }

    private static void WriteXml(OpenXmlPart part, XDocument xml)
    {
        using var data = new MemoryStream();
        xml.Save(data, SaveOptions.DisableFormatting);
        data.Position = 0;
        part.FeedData(data);
    }
}

/// <summary>A heading as the table of contents lists it.</summary>
internal sealed record TocEntry(int Level, string? Number, string Text, string Bookmark);
