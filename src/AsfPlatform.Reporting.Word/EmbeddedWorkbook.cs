using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AsfPlatform.Reporting.Word;

/// <summary>
/// The workbook embedded in a chart: categories in column A, one series per column from B, names in row 1,
/// on the sheet the chart's formulas name. Strings are inline so no shared-string table is needed.
/// </summary>
internal static class EmbeddedWorkbook
{
    public static byte[] Build(ChartSpec chart)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: the SDK's generated ones are random, which would break reproducible output.
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");

            var header = new Row { RowIndex = 1 };
            header.Append(TextCell("A1", ""));
            for (var s = 0; s < chart.Series.Count; s++)
                header.Append(TextCell($"{ChartXml.Column(s + 1)}1", chart.Series[s].Name));

            var rows = new List<Row> { header };
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var rowIndex = (uint)(c + 2);
                var row = new Row { RowIndex = rowIndex };
                row.Append(TextCell($"A{rowIndex}", chart.Categories[c]));
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var values = chart.Series[s].Values;
                    if (c < values.Count)
                        row.Append(new Cell { CellReference = $"{ChartXml.Column(s + 1)}{rowIndex}", CellValue = new CellValue(values[c]) });
                }
                rows.Add(row);
            }

            sheetPart.Worksheet = new Worksheet(new SheetData(rows));
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = ChartXml.SheetName, SheetId = 1, Id = "rId1" }));
        }
        return DeterministicZip.Normalize(stream.ToArray());
    }

    private static Cell TextCell(string reference, string text) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };
}
