using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AsfPlatform.Reporting.Word;

/// <summary>
/// Tables: a navy header row that repeats on each page, rows that never split, light zebra striping, and rows kept
/// together where a page break would strand them: the header with the first body rows (so the caption or heading
/// above never ends a page alone) and the last row with the one before it (a "Summa" row never stands alone).
/// </summary>
internal static class WordTable
{
    /// <summary>Body rows kept on the page of the header row.</summary>
    internal const int RowsKeptWithHeader = 2;

    // Calibri at the table text's 10 pt: about 5.2 pt (104 twips) per character on average, bold a little wider;
    // generous on purpose, since a column a little too wide costs less than a word broken in two.
    private const double TwipsPerCharacter = 104, TwipsPerBoldCharacter = 112;
    private const int CellMargins = 2 * 85;

    public static Table Build(TableSpec spec)
    {
        if (spec.Columns.Count == 0)
            throw new ArgumentException("En tabell behöver minst en kolumn.", nameof(spec));
        var badRow = spec.Rows.Select((row, i) => (row, i)).FirstOrDefault(r => r.row.Count != spec.Columns.Count);
        if (badRow.row is not null)
            throw new ArgumentException($"Rad {badRow.i + 1} har {badRow.row.Count} celler men tabellen har {spec.Columns.Count} kolumner.", nameof(spec));

        var widths = ColumnWidths(spec.Columns, spec.Rows);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = PageGeometry.TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8, Color = Palette.Navy },
                    new BottomBorder { Val = BorderValues.Single, Size = 8, Color = Palette.Navy },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = Palette.Hairline }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        // Header rows repeat on every page (tblHeader) and no row breaks across a page (cantSplit). A row is kept with
        // the next one by keepNext on its paragraphs, which is how Word (and LibreOffice on import) reads it.
        table.Append(Row(
            new TableRowProperties(new CantSplit(), new TableHeader()),
            spec.Columns.Select((column, i) => Cell(widths[i], column.Alignment, new TableCell(column.Header, Bold: true), fill: Palette.Navy, textColour: Palette.White, keepWithNext: spec.Rows.Count > 0))));

        for (var r = 0; r < spec.Rows.Count; r++)
        {
            var zebra = r % 2 == 1 ? Palette.Zebra : null;
            var keep = KeptWithNext(r, spec.Rows.Count);
            table.Append(Row(
                new TableRowProperties(new CantSplit()),
                spec.Rows[r].Select((cell, i) => cell.Status is { } status
                    ? Cell(widths[i], spec.Columns[i].Alignment, cell with { Bold = true }, Palette.Badge(status).Fill, Palette.Badge(status).Text, keep)
                    : Cell(widths[i], spec.Columns[i].Alignment, cell, zebra, null, keep))));
        }
        return table;
    }

    private static TableRow Row(TableRowProperties properties, IEnumerable<DocumentFormat.OpenXml.Wordprocessing.TableCell> cells)
    {
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>Whether body row <paramref name="row"/> of <paramref name="count"/> is kept with the row after it.</summary>
    internal static bool KeptWithNext(int row, int count) => row < count - 1 && (row < RowsKeptWithHeader - 1 || row == count - 2);

    private static DocumentFormat.OpenXml.Wordprocessing.TableCell Cell(int width, ColumnAlignment alignment, AsfPlatform.Reporting.TableCell content, string? fill, string? textColour, bool keepWithNext)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (fill is not null)
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var justification = alignment switch
        {
            ColumnAlignment.Center => JustificationValues.Center,
            ColumnAlignment.Right => JustificationValues.Right,
            _ => JustificationValues.Left,
        };
        // Line breaks in cell text become soft breaks, keeping one paragraph (and even spacing) per cell.
        var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
        if (keepWithNext)
            paragraphProperties.Append(new KeepNext());
        paragraphProperties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(paragraphProperties);
        var lines = content.Text.Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = WordDocumentBuilder.TextRun(lines[i], content.Bold, colour: textColour);
            if (i > 0)
                run.InsertAfter(new Break(), run.RunProperties);
            paragraph.Append(run);
        }
        return new DocumentFormat.OpenXml.Wordprocessing.TableCell(properties, paragraph);
    }

    /// <summary>Columns with a percentage get it; the others share the rest equally.</summary>
    internal static int[] ColumnWidths(IReadOnlyList<TableColumn> columns) => ColumnWidths(columns, []);

    /// <summary>
    /// Widths from the columns' percentages (the others share the rest in proportion to their longest text), then
    /// widened where a column's longest word would not fit, so no word breaks inside a cell ("Länsövergripande"):
    /// the width is taken from columns with room to spare, in proportion to that room.
    /// </summary>
    internal static int[] ColumnWidths(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<AsfPlatform.Reporting.TableCell>> rows)
    {
        var fixedPercent = columns.Sum(c => c.WidthPercent ?? 0);
        if (fixedPercent > 100 || columns.Any(c => c.WidthPercent is < 1 or > 100))
            throw new ArgumentException("Kolumnbredderna måste vara 1–100 % och tillsammans högst 100 %.", nameof(columns));

        var cells = columns.Select((column, i) => rows.Where(r => i < r.Count).Select(r => r[i])
            .Prepend(new AsfPlatform.Reporting.TableCell(column.Header, Bold: true)).ToList()).ToList();
        var natural = cells.Select(c => c.Max(cell => TextWidth(cell.Text, cell.Bold || cell.Status is not null))).ToList();
        var minimum = cells.Select(c => c.Max(cell => LongestWordWidth(cell.Text, cell.Bold || cell.Status is not null))).ToArray();

        var freeColumns = Enumerable.Range(0, columns.Count).Where(i => columns[i].WidthPercent is null).ToList();
        var freeNatural = freeColumns.Sum(i => Math.Max(1.0, natural[i]));
        var widths = columns.Select((c, i) => c.WidthPercent is { } percent
            ? PageGeometry.TextWidth * percent / 100.0
            : PageGeometry.TextWidth * (100.0 - fixedPercent) / 100.0 * Math.Max(1.0, natural[i]) / freeNatural).ToArray();

        var short_ = Enumerable.Range(0, widths.Length).Sum(i => Math.Max(0, minimum[i] - widths[i]));
        var room = Enumerable.Range(0, widths.Length).Sum(i => Math.Max(0, widths[i] - minimum[i]));
        if (short_ > 0 && room > 0)
        {
            var take = Math.Min(short_, room);
            var widened = Enumerable.Range(0, widths.Length).Select(i => Math.Max(0, minimum[i] - widths[i]) / short_ * take).ToArray();
            var spare = Enumerable.Range(0, widths.Length).Select(i => Math.Max(0, widths[i] - minimum[i]) / room * take).ToArray();
            for (var i = 0; i < widths.Length; i++)
                widths[i] += widened[i] - spare[i];
        }
        return widths.Select(w => (int)Math.Round(w)).ToArray();
    }

    private static double TextWidth(string text, bool bold) =>
        text.Split('\n').Max(line => line.Length) * (bold ? TwipsPerBoldCharacter : TwipsPerCharacter) + CellMargins;

    // No-break spaces ("800 000 kr") join words that must stay on one line.
    private static double LongestWordWidth(string text, bool bold) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max()
            * (bold ? TwipsPerBoldCharacter : TwipsPerCharacter) + CellMargins;
}
