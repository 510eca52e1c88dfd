using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AsfPlatform.Spreadsheets.Tests;

public sealed class WorkbookWriterTests
{
    private static readonly SheetSpec Figures = new("Siffror",
        [new("Företag"), new("Datum"), new("Anställda"), new("Dagersättning"), new("Typ", ["Seminarium", "Mässa"])],
        [
            ["Glädjeverket", new DateOnly(2018, 12, 31), 7, 200.5m, "Mässa"],
            ["Stenbackens boende och arbetskooperativ", new DateOnly(2018, 6, 30), 12, null, null],
        ], InputRows: 10);

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    [Fact]
    public void Numbers_are_written_as_numbers_and_dates_as_date_serials_with_a_yyyy_mm_dd_style()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(WorkbookWriter.Write([Figures])), false);
        var sheet = Sheet(document, "Siffror");

        Assert.Equal(CellValues.Number, Cell(sheet, "C2").DataType!.Value);
        Assert.Equal("7", Cell(sheet, "C2").CellValue!.Text);
        Assert.Equal("200.5", Cell(sheet, "D2").CellValue!.Text);
        var date = Cell(sheet, "B2");
        Assert.Equal(DateSerial.Of(new DateOnly(2018, 12, 31)).ToString(), date.CellValue!.Text);
        Assert.Equal("43465", date.CellValue!.Text);
        var format = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)date.StyleIndex!.Value);
        var code = document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Equal("yyyy-mm-dd", code);
        Assert.Equal(CellValues.InlineString, Cell(sheet, "A2").DataType!.Value);
    }

    [Fact]
    public void The_heading_row_is_frozen_filtered_and_the_columns_are_as_wide_as_their_content()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(WorkbookWriter.Write([Figures])), false);
        var sheet = Sheet(document, "Siffror");

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:E3", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        var widths = sheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        Assert.True(widths[0] >= "Stenbackens boende och arbetskooperativ".Length, $"A is {widths[0]} wide");
        Assert.True(widths[1] < widths[0]);
        Assert.Contains(document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name == "_xlnm._FilterDatabase");
    }

    [Fact]
    public void A_column_with_choices_gets_a_validation_list_kept_on_a_hidden_sheet_and_instructions_come_first()
    {
        var bytes = WorkbookWriter.Write([Figures], ["Så fyller du i", "Skriv inga personnummer."]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();

        Assert.Equal(["Instruktioner", "Siffror", "Listor"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
        var validation = Sheet(document, "Siffror").Descendants<DataValidation>().Single();
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.Equal("E2:E13", validation.SequenceOfReferences!.InnerText);
        Assert.Equal("Listor!$A$1:$A$2", validation.Formula1!.Text);
        var content = WorkbookReader.Read(new MemoryStream(bytes));
        Assert.Equal(["Seminarium", "Mässa"], content.Sheet("Listor")!.Rows.Select(r => r[1]!.Text));
        Assert.Equal("Skriv inga personnummer.", content.Sheet("Instruktioner")!.Rows[1][1]!.Text);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_with_numbers_and_dates_intact()
    {
        var content = WorkbookReader.Read(new MemoryStream(WorkbookWriter.Write([Figures])));
        var row = content.Sheet("siffror")!.DataRows.First();

        Assert.Equal("Glädjeverket", row[1]!.Text);
        Assert.Equal(43465, row[2]!.Number);
        Assert.Equal(7, row[3]!.Number);
        Assert.Equal(200.5, row[4]!.Number);
        Assert.Null(content.Sheet("Siffror")!.DataRows.Last()[4]);
    }
}
