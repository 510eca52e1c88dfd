namespace AsfPlatform.Reporting;

/// <summary>
/// Writes a report's content in reading order. The builder owns the look (styles, numbering, colours, page
/// layout, Swedish language settings), so a plugin says what to write and never touches Open XML.
/// </summary>
public interface IDocumentBuilder
{
    /// <summary>Sets the cover page and the document properties (title, author). Call once, first.</summary>
    IDocumentBuilder CoverPage(CoverPage cover);

    /// <summary>
    /// Places a table of contents here. Its entries are filled in from every heading written later (so the
    /// document reads correctly without a field update) and Word can still update it.
    /// </summary>
    IDocumentBuilder TableOfContents(string title = "Innehållsförteckning");

    /// <summary>Writes a heading at <paramref name="level"/> 1–3. Numbered headings read "1.", "1.2", "1.2.1".</summary>
    IDocumentBuilder Heading(string text, int level = 1, bool numbered = true);

    /// <summary>
    /// Writes a heading at <paramref name="level"/> 1–3 that carries its own number ("1.2", "10.3"), as the source
    /// document numbers it: a plan that skips a number (1.2 follows 1.) is printed with the plan's numbers, which
    /// automatic numbering would change. A document uses either these or numbered <see cref="Heading"/>s, not both.
    /// </summary>
    IDocumentBuilder NumberedHeading(string number, string text, int level);

    /// <summary>Writes a body paragraph.</summary>
    IDocumentBuilder Paragraph(string text);

    /// <summary>Writes a body paragraph made of spans, e.g. a bold lead-in followed by plain text. A paragraph that is all bold is kept with the next one, like a heading.</summary>
    IDocumentBuilder Paragraph(params TextSpan[] spans);

    /// <summary>Writes a bullet list, one item per entry.</summary>
    IDocumentBuilder BulletList(IEnumerable<string> items);

    /// <summary>
    /// Writes a table whose header row repeats on every page and whose rows never split across pages. The header stays
    /// with the first rows and the last row with the one before it (a "Summa" row never stands alone on a page), and
    /// columns are widened where needed so no word breaks inside a cell.
    /// </summary>
    IDocumentBuilder Table(TableSpec table);

    /// <summary>
    /// Writes a native, editable bar or line chart with its data embedded as a workbook. A chart with fewer than two
    /// categories shows no development, so it is written as a sentence with its values instead.
    /// </summary>
    IDocumentBuilder Chart(ChartSpec chart);

    /// <summary>Starts a new page with the next block (never an empty page; several in a row make one).</summary>
    IDocumentBuilder PageBreak();
}
