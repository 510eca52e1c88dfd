using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AsfPlatform.Reporting.Word;

/// <summary>
/// A TOC field in a "Table of Contents" SDT, pre-filled with one hyperlinked entry per heading. Neither headless
/// LibreOffice nor Word (the field is not marked dirty, so Word opens without asking to update fields) refreshes it
/// on open, so the entries must already be there; "Uppdatera fält" in Word adds page numbers.
/// </summary>
internal static class WordTableOfContents
{
    public static SdtBlock Build(string title, IReadOnlyList<TocEntry> headings)
    {
        var content = new SdtContentBlock(WordDocumentBuilder.StyledParagraph("TOCHeading", title));
        var fieldStart = new OpenXmlElement[]
        {
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        };

        if (headings.Count == 0)
        {
            content.Append(new Paragraph(fieldStart.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }))));
        }
        else
        {
            for (var i = 0; i < headings.Count; i++)
            {
                var entry = headings[i];
                var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"TOC{entry.Level}" }));
                if (i == 0)
                    paragraph.Append(fieldStart);
                paragraph.Append(Entry(entry));
                if (i == headings.Count - 1)
                    paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                content.Append(paragraph);
            }
        }

        return new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            content);
    }

    private static Hyperlink Entry(TocEntry entry)
    {
        var link = new Hyperlink { Anchor = entry.Bookmark, History = true };
        if (entry.Number is not null)
        {
            link.Append(WordDocumentBuilder.TextRun(entry.Number));
            link.Append(new Run(new TabChar()));
        }
        // Page-less on purpose: page numbers are only known after layout, and an empty PAGEREF result leaves a dot
        // leader pointing at nothing. Word adds the numbers when the reader updates the field.
        link.Append(WordDocumentBuilder.TextRun(entry.Text));
        return link;
    }
}
