using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AsfPlatform.TestSupport;

/// <summary>
/// Fills in a downloaded workbook the way an office does in Excel: typing a number, a date or a text into a cell of a
/// sheet (a date is typed as Excel stores it: a serial with a date style from the workbook, or the text when no style).
/// </summary>
public static class SheetEditor
{
    /// <summary>The workbook with each (sheet, cell, value) set; null clears a cell.</summary>
    public static byte[] Set(byte[] xlsx, string sheet, params (string Cell, object? Value)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var id = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheet).Id!.Value!;
            var data = ((WorksheetPart)workbook.GetPartById(id)).Worksheet.GetFirstChild<SheetData>()!;
            var dateStyle = DateStyle(workbook);
            foreach (var (reference, value) in cells)
                SetCell(data, reference, value, dateStyle);
        }
        return stream.ToArray();
    }

    /// <summary>A workbook of one sheet with a heading row and <paramref name="rows"/> rows of numbers (the 10,000-row case).</summary>
    public static byte[] Rows(byte[] xlsx, string sheet, int rows, int firstRow = 2)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var id = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheet).Id!.Value!;
            var data = ((WorksheetPart)workbook.GetPartById(id)).Worksheet.GetFirstChild<SheetData>()!;
            foreach (var old in data.Elements<Row>().Where(r => r.RowIndex!.Value >= firstRow).ToList())
                old.Remove();
            for (var r = firstRow; r < firstRow + rows; r++)
                data.AppendChild(new Row(new Cell(new CellValue("1")) { CellReference = $"E{r}" }) { RowIndex = (uint)r });
        }
        return stream.ToArray();
    }

    private static uint? DateStyle(WorkbookPart workbook)
    {
        var formats = workbook.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var index = formats.FindIndex(f => f.NumberFormatId?.Value is 14 or >= 164);
        return index < 0 ? null : (uint)index;
    }

    private static void SetCell(SheetData data, string reference, object? value, uint? dateStyle)
    {
        var rowNumber = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowNumber);
        if (row is null)
        {
            row = new Row { RowIndex = rowNumber };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowNumber);
            if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var before = row.Elements<Cell>().FirstOrDefault(c => Compare(c.CellReference!.Value!, reference) > 0);
            if (before is null) row.AppendChild(cell); else before.InsertBeforeSelf(cell);
        }
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.StyleIndex = null;
        switch (value)
        {
            case null:
                cell.Remove();
                break;
            case DateOnly d when dateStyle is not null:
                cell.CellValue = new CellValue((d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
                cell.StyleIndex = dateStyle;
                break;
            case DateOnly d:
                SetText(cell, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case int or long or decimal or double:
                cell.CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                SetText(cell, value.ToString()!);
                break;
        }
    }

    private static void SetText(Cell cell, string text)
    {
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
    }

    private static int Compare(string a, string b)
    {
        static (int, int) Key(string r) => (r.TakeWhile(char.IsLetter).Count(), 0);
        var (la, _) = Key(a);
        var (lb, _) = Key(b);
        return la != lb ? la.CompareTo(lb) : string.CompareOrdinal(new string(a.TakeWhile(char.IsLetter).ToArray()), new string(b.TakeWhile(char.IsLetter).ToArray()));
    }
}
