using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AsfPlatform.Reporting.Word;

/// <summary>Tables: a navy header row that repeats on each page, rows that never split, light zebra striping.</summary>
internal static class WordTable
{
    public static Table Build(TableSpec spec)
    {
        if (spec.Columns.Count == 0)
            throw new ArgumentException("En tabell behöver minst en kolumn.", nameof(spec));
        var badRow = spec.Rows.Select((row, i) => (row, i)).FirstOrDefault(r => r.row.Count != spec.Columns.Count);
        if (badRow.row is not null)
            throw new ArgumentException($"Rad {badRow.i + 1} har {badRow.row.Count} celler men tabellen har {spec.Columns.Count} kolumner.", nameof(spec));

        var widths = ColumnWidths(spec.Columns);
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

        // Header rows repeat on every page (tblHeader) and no row breaks across a page (cantSplit).
        table.Append(Row(
            new TableRowProperties(new CantSplit(), new TableHeader()),
            spec.Columns.Select((column, i) => Cell(widths[i], column.Alignment, new TableCell(column.Header, Bold: true), fill: Palette.Navy, textColour: Palette.White))));

        for (var r = 0; r < spec.Rows.Count; r++)
        {
            var zebra = r % 2 == 1 ? Palette.Zebra : null;
            table.Append(Row(
                new TableRowProperties(new CantSplit()),
                spec.Rows[r].Select((cell, i) => cell.Status is { } status
                    ? Cell(widths[i], spec.Columns[i].Alignment, cell with { Bold = true }, Palette.Badge(status).Fill, Palette.Badge(status).Text)
                    : Cell(widths[i], spec.Columns[i].Alignment, cell, zebra, null))));
        }
        return table;
    }

    private static TableRow Row(TableRowProperties properties, IEnumerable<DocumentFormat.OpenXml.Wordprocessing.TableCell> cells)
    {
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.TableCell Cell(int width, ColumnAlignment alignment, AsfPlatform.Reporting.TableCell content, string? fill, string? textColour)
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
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }, new Justification { Val = justification }));
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
    internal static int[] ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        var fixedPercent = columns.Sum(c => c.WidthPercent ?? 0);
        if (fixedPercent > 100 || columns.Any(c => c.WidthPercent is < 1 or > 100))
            throw new ArgumentException("Kolumnbredderna måste vara 1–100 % och tillsammans högst 100 %.", nameof(columns));
        var free = columns.Count(c => c.WidthPercent is null);
        var freeShare = free == 0 ? 0 : (100.0 - fixedPercent) / free;
        return columns.Select(c => (int)Math.Round(PageGeometry.TextWidth * (c.WidthPercent ?? freeShare) / 100.0)).ToArray();
    }
}
