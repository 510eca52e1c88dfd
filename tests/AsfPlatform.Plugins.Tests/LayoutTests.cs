using System.Text.RegularExpressions;
using System.Xml.Linq;
using static AsfPlatform.Plugins.Tests.ReportDocument;

namespace AsfPlatform.Plugins.Tests;

/// <summary>
/// Page layout of every board document: in the Open XML (what Word reads) and, where LibreOffice is installed, on
/// the rendered pages: no page holds only a heading, only a "Summa" row, or nothing at all.
/// </summary>
[Collection(DatasetCollection.Name)]
public sealed partial class LayoutTests(DatasetFixture fixture)
{
    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task Headings_keep_with_the_next_paragraph_and_tables_keep_their_first_and_last_rows_together(string name)
    {
        var document = await BoardDocuments.RunAsync(fixture, name);
        var styles = document.PartXml("word/styles.xml").Descendants(W + "style")
            .ToDictionary(s => (string)s.Attribute(W + "styleId")!, s => s.Element(W + "pPr")?.Element(W + "keepNext") is not null);
        bool KeepsWithNext(XElement paragraph) =>
            paragraph.Element(W + "pPr")?.Element(W + "keepNext") is not null
            || (paragraph.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value is { } style && styles.GetValueOrDefault(style));

        var headings = document.Main.Descendants(W + "p")
            .Where(p => p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value is "Heading1" or "Heading2" or "Heading3" or "Caption").ToList();
        Assert.NotEmpty(headings);
        Assert.All(headings, h => Assert.True(KeepsWithNext(h), $"Rubriken \"{Text(h)}\" saknar keepNext."));

        foreach (var table in document.Main.Descendants(W + "tbl"))
        {
            var rows = table.Elements(W + "tr").ToList();
            Assert.All(rows, r => Assert.NotNull(r.Element(W + "trPr")?.Element(W + "cantSplit")));
            bool RowKept(XElement row) => row.Descendants(W + "p").All(KeepsWithNext);
            // The header and the first body row go with the row after them, so a page never ends with a header.
            Assert.All(rows.Take(Math.Min(rows.Count - 1, 2)), r => Assert.True(RowKept(r), $"Raden \"{Text(r)}\" hålls inte ihop med nästa rad."));
            if (rows.Count > 2)
                Assert.True(RowKept(rows[^2]), $"Sista raden \"{Text(rows[^1])}\" kan hamna ensam på en sida.");
        }
    }

    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task No_page_break_is_a_paragraph_of_its_own_that_could_leave_an_empty_page(string name)
    {
        var document = await BoardDocuments.RunAsync(fixture, name);
        Assert.DoesNotContain(document.Main.Descendants(W + "br"), b => (string?)b.Attribute(W + "type") == "page");
        Assert.Single(document.Main.Descendants(W + "sectPr"));
        var body = document.Main.Root!.Element(W + "body")!.Elements().ToList();
        Assert.DoesNotContain(body.Zip(body.Skip(1)), pair => Breaks(pair.First) && Breaks(pair.Second) && Text(pair.First).Length == 0);

        static bool Breaks(XElement block) => block.DescendantsAndSelf(W + "pageBreakBefore").Any();
    }

    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task No_rendered_page_holds_only_a_heading_only_a_total_row_or_nothing(string name)
    {
        var document = await BoardDocuments.RunAsync(fixture, name);
        if (await document.PdfTextAsync(fixture.Pdf, name) is not { } text)
            return;
        var pages = text.Split('\f').SkipLast(1).ToList();
        // Without their numbers: a heading that carries its own number ("1.2 Dubbla affärsidéer") has it in its text.
        var headings = document.Headings.Select(h => NumberPrefix().Replace(h.Trim(), "")).ToHashSet();
        for (var i = 0; i < pages.Count; i++)
        {
            // Every page but the cover starts with the running header (owner and title); every page ends with "Sida x av y".
            var lines = pages[i].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !PageNumber().IsMatch(l))
                .Skip(i == 0 ? 0 : 1).ToList();
            var where = $"{name}, sida {i + 1} av {pages.Count}";
            Assert.True(lines.Count > 0, $"{where} är tom.");
            Assert.False(lines.All(l => headings.Contains(NumberPrefix().Replace(l, ""))), $"{where} har bara rubriker: {string.Join(" | ", lines)}");
            Assert.False(lines.All(l => l.StartsWith("Summa", StringComparison.Ordinal)), $"{where} har bara en summarad: {string.Join(" | ", lines)}");
        }
    }

    [GeneratedRegex(@"^Sida \d+ av \d+$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(\d+\.)+\d*\s+")]
    private static partial Regex NumberPrefix();
}
