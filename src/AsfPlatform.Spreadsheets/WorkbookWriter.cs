using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AsfPlatform.Spreadsheets;

/// <summary>
/// Writes .xlsx workbooks with the Open XML SDK: numbers as numbers, dates as date serials with a yyyy-mm-dd style,
/// the heading row bold and frozen, filters on, column widths from the content, validation lists (kept on a hidden
/// sheet "Listor", since a list written into the rule itself is limited to 255 characters) and, when given, an
/// "Instruktioner" sheet first. Strings are inline, so a cell's text is in the cell and there is no shared-string table to keep.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The name of the instructions sheet.</summary>
    public const string InstructionsSheet = "Instruktioner";

    /// <summary>The name of the hidden sheet holding the validation lists.</summary>
    public const string ListsSheet = "Listor";

    private const uint DateStyle = 1, HeadingStyle = 2, WrapStyle = 3;

    /// <summary>The workbook as bytes: <paramref name="instructions"/> (one paragraph a row) on a sheet of their own when given.</summary>
    public static byte[] Write(IReadOnlyList<SheetSpec> sheets, IReadOnlyList<string>? instructions = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            uint sheetId = 0;

            if (instructions is { Count: > 0 })
                AddSheet(workbookPart, sheetList, ++sheetId, InstructionsSheet, InstructionsWorksheet(instructions));

            var lists = sheets.SelectMany(s => s.Columns).Where(c => c.Choices is { Count: > 0 }).Select(c => c.Choices!).Distinct().ToList();
            var dataSheets = new List<(SheetSpec Spec, uint Id)>();
            foreach (var spec in sheets)
            {
                var index = (uint)dataSheets.Count + (instructions is { Count: > 0 } ? 1u : 0u);
                dataSheets.Add((spec, ++sheetId));
                AddSheet(workbookPart, sheetList, sheetId, spec.Name, DataWorksheet(spec, lists, first: sheetId == 1));
                if (spec.Rows.Count + spec.InputRows > 0 || spec.Columns.Count > 0)
                    definedNames.AppendChild(new DefinedName(FilterRange(spec)) { Name = "_xlnm._FilterDatabase", LocalSheetId = index, Hidden = true });
            }
            if (lists.Count > 0)
            {
                var sheet = AddSheet(workbookPart, sheetList, ++sheetId, ListsSheet, ListsWorksheet(lists));
                sheet.State = SheetStateValues.Hidden;
            }
            if (definedNames.HasChildren)
                workbookPart.Workbook.AppendChild(definedNames);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Sheet AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheet = new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name };
        sheets.AppendChild(sheet);
        return sheet;
    }

    private static string FilterRange(SheetSpec spec) =>
        $"'{spec.Name.Replace("'", "''")}'!$A$1:${CellReference.Column(Math.Max(1, spec.Columns.Count))}${1 + Math.Max(spec.Rows.Count, 1)}";

    private static Worksheet DataWorksheet(SheetSpec spec, List<IReadOnlyList<string>> lists, bool first)
    {
        var lastColumn = CellReference.Column(Math.Max(1, spec.Columns.Count));
        var data = new SheetData();
        var heading = new Row { RowIndex = 1 };
        for (var c = 0; c < spec.Columns.Count; c++)
            heading.AppendChild(TextCell(CellReference.Of(c + 1, 1), spec.Columns[c].Heading, HeadingStyle));
        data.AppendChild(heading);
        for (var r = 0; r < spec.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 2) };
            for (var c = 0; c < spec.Rows[r].Count; c++)
                if (ValueCell(CellReference.Of(c + 1, r + 2), spec.Rows[r][c]) is { } cell)
                    row.AppendChild(cell);
            data.AppendChild(row);
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, // ySplit: one row frozen
                    TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { WorkbookViewId = 0, TabSelected = first }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Columns(spec),
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{1 + Math.Max(spec.Rows.Count, 1)}" });

        var validations = new DataValidations();
        var lastInputRow = 1 + Math.Max(spec.Rows.Count, 0) + spec.InputRows;
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            if (spec.Columns[c].Choices is not { Count: > 0 } choices || lastInputRow < 2) continue;
            var listColumn = CellReference.Column(lists.IndexOf(choices) + 1);
            var column = CellReference.Column(c + 1);
            validations.AppendChild(new DataValidation(new Formula1($"{ListsSheet}!${listColumn}$1:${listColumn}${choices.Count}"))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
                ErrorTitle = "Ogiltigt värde", Error = $"Välj ett värde i listan för \"{spec.Columns[c].Heading}\".",
                SequenceOfReferences = new ListValue<StringValue>([$"{column}2:{column}{lastInputRow}"]),
            });
        }
        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            worksheet.AppendChild(validations);
        }
        return worksheet;
    }

    // Widths from the longest text a column shows (dates show as yyyy-mm-dd), within reason.
    private static Columns Columns(SheetSpec spec)
    {
        var columns = new Columns();
        for (var c = 0; c < Math.Max(1, spec.Columns.Count); c++)
        {
            var longest = spec.Columns.Count > c ? spec.Columns[c].Heading.Length + 3 : 8; // room for the filter button
            foreach (var row in spec.Rows)
                if (row.Count > c)
                    longest = Math.Max(longest, DisplayLength(row[c]));
            var width = Math.Clamp(longest + 2, 8, 60);
            columns.AppendChild(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }
        return columns;
    }

    private static int DisplayLength(object? value) => value switch
    {
        null => 0,
        DateOnly or DateTime => 10,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Length,
        _ => value.ToString()!.Length,
    };

    private static Worksheet InstructionsWorksheet(IReadOnlyList<string> paragraphs)
    {
        var data = new SheetData();
        for (var i = 0; i < paragraphs.Count; i++)
            data.AppendChild(new Row(TextCell(CellReference.Of(1, i + 1), paragraphs[i], i == 0 ? HeadingStyle : WrapStyle)) { RowIndex = (uint)(i + 1) });
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 110, CustomWidth = true }), data);
    }

    private static Worksheet ListsWorksheet(List<IReadOnlyList<string>> lists)
    {
        var data = new SheetData();
        for (var r = 0; r < lists.Max(l => l.Count); r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < lists.Count; c++)
                if (r < lists[c].Count)
                    row.AppendChild(TextCell(CellReference.Of(c + 1, r + 1), lists[c][r]));
            data.AppendChild(row);
        }
        return new Worksheet(data);
    }

    private static Cell? ValueCell(string reference, object? value) => value switch
    {
        null => null,
        string s => TextCell(reference, s),
        DateOnly d => NumberCell(reference, DateSerial.Of(d).ToString(CultureInfo.InvariantCulture), DateStyle),
        DateTime t => NumberCell(reference, DateSerial.Of(t).ToString(CultureInfo.InvariantCulture), DateStyle),
        int or long or short or decimal or double or float => NumberCell(reference, ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), null),
        bool b => TextCell(reference, b ? "Ja" : "Nej"),
        _ => TextCell(reference, value.ToString() ?? ""),
    };

    private static Cell NumberCell(string reference, string number, uint? style) =>
        new(new CellValue(number)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style };

    private static Cell TextCell(string reference, string text, uint? style = null) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        };

    // XML 1.0 cannot carry most control characters; a text that holds one would make the file unreadable.
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r') ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateSerial.FormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE6F0" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = DateSerial.FormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                    { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true }) { Count = 4 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        styles.Stylesheet.Save();
    }
}
