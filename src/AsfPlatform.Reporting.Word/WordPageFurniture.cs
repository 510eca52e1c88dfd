using DocumentFormat.OpenXml.Wordprocessing;

namespace AsfPlatform.Reporting.Word;

/// <summary>Running header (owner left, title right) and the "Sida X av Y" footer.</summary>
internal static class WordPageFurniture
{
    public static Header Header(CoverPage? cover) => new(new Paragraph(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "Header" },
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = Palette.Rule })),
        WordDocumentBuilder.TextRun(cover?.Owner ?? ""),
        new Run(new TabChar()),
        WordDocumentBuilder.TextRun(cover?.Title ?? "")));

    public static Header EmptyHeader() => new(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Header" })));

    public static Footer Footer() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Right }),
        WordDocumentBuilder.TextRun("Sida "),
        Field("PAGE"),
        WordDocumentBuilder.TextRun(" av "),
        Field("NUMPAGES")));

    private static SimpleField Field(string name) =>
        new(WordDocumentBuilder.TextRun("1")) { Instruction = $" {name} \\* MERGEFORMAT " };
}
