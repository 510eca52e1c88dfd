using System.IO.Compression;
using AsfPlatform.TestSupport;

namespace AsfPlatform.Spreadsheets.Tests;

public sealed class WorkbookReaderTests
{
    private static byte[] Template() => WorkbookWriter.Write([new SheetSpec("Data",
        [new("Id"), new("Datum"), new("Antal"), new("Anteckning"), new("Övrigt")], [["a", new DateOnly(2018, 1, 2), 3, "ok", null]])]);

    private static SpreadsheetRefusedException Refused(byte[] bytes) =>
        Assert.Throws<SpreadsheetRefusedException>(() => WorkbookReader.Read(new MemoryStream(bytes)));

    [Fact]
    public void A_CSV_file_named_xlsx_is_refused_as_not_a_workbook()
    {
        var refused = Refused("Id;Datum;Antal\na;2018-01-02;3\n"u8.ToArray());

        Assert.Equal(WorkbookReader.NotAWorkbook, refused.Problems.Single().Reason);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused_as_not_a_workbook()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(archive.CreateEntry("hej.txt").Open()))
                writer.Write("inte ett kalkylark");

        Assert.Equal(WorkbookReader.NotAWorkbook, Refused(zip.ToArray()).Problems.Single().Reason);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_opened()
    {
        var refused = Assert.Throws<SpreadsheetRefusedException>(() =>
            WorkbookReader.Read(new MemoryStream(Template()), new ReadLimits(MaxBytes: 1000)));

        Assert.Contains("större än", refused.Problems.Single().Reason);
    }

    [Fact]
    public void A_sheet_of_ten_thousand_rows_is_refused_naming_the_sheet_and_the_first_row_past_the_limit()
    {
        var refused = Refused(SheetEditor.Rows(Template(), "Data", 10_000));

        var problem = refused.Problems.Single();
        Assert.Equal("Data", problem.Sheet);
        Assert.Equal("2002", problem.Cell);
        Assert.Contains("2 000 rader", problem.Reason);
    }

    [Fact]
    public void A_personnummer_in_a_text_cell_or_a_number_cell_refuses_the_whole_file_naming_each_cell()
    {
        var bytes = SheetEditor.Set(Template(), "Data", ("D2", "Ring Anna 19121212-1212"), ("E7", 1212121212L));

        var refused = Refused(bytes);

        Assert.Equal(["Data!D2", "Data!E7"], refused.Problems.Select(p => $"{p.Sheet}!{p.Cell}"));
        Assert.All(refused.Problems, p => Assert.Contains("personnummer", p.Reason));
    }

    [Fact]
    public void A_wrong_or_extra_heading_is_named_by_its_cell()
    {
        var bytes = SheetEditor.Set(Template(), "Data", ("C1", "Summa"), ("F1", "Extra"));

        var problems = SheetLayout.Check(WorkbookReader.Read(new MemoryStream(bytes)), "Data", ["Id", "Datum", "Antal", "Anteckning", "Övrigt"]);

        Assert.Equal(["Data!C1", "Data!F1"], problems.Select(p => $"{p.Sheet}!{p.Cell}"));
        Assert.Contains("\"Antal\"", problems[0].Reason);
    }

    [Fact]
    public void Text_in_a_number_cell_and_a_date_outside_the_period_are_named_by_cell_in_Swedish()
    {
        var bytes = SheetEditor.Set(Template(), "Data", ("C2", "tre"), ("B2", new DateOnly(2019, 3, 1)));
        var row = WorkbookReader.Read(new MemoryStream(bytes)).Sheet("Data")!.DataRows.Single();
        var problems = new List<CellProblem>();
        var parser = new CellParser("Data", row, problems);

        Assert.Null(parser.Count(3, "Antal", required: true));
        Assert.Null(parser.Date(2, "Datum", true, new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), "året 2018"));

        Assert.Equal("Data!C2: \"Antal\" ska vara ett tal, men cellen innehåller texten \"tre\".", problems[0].ToString());
        Assert.Equal("Data!B2: Datumet 2019-03-01 ligger utanför året 2018 (2018-01-01–2018-12-31).", problems[1].ToString());
    }

    [Fact]
    public void Digits_typed_as_text_and_a_date_typed_as_text_are_read_as_the_number_and_the_date()
    {
        var bytes = SheetEditor.Set(Template(), "Data", ("C2", "12"), ("B2", "2018-05-03"));
        var row = WorkbookReader.Read(new MemoryStream(bytes)).Sheet("Data")!.DataRows.Single();
        var problems = new List<CellProblem>();
        var parser = new CellParser("Data", row, problems);

        Assert.Equal(12, parser.Count(3, "Antal"));
        Assert.Equal(new DateOnly(2018, 5, 3), parser.Date(2, "Datum"));
        Assert.Empty(problems);
    }
}
