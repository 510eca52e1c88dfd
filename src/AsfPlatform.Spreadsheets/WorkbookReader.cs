using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Spreadsheets;

/// <summary>How much an uploaded workbook may hold.</summary>
/// <param name="MaxBytes">The largest file accepted.</param>
/// <param name="MaxRowsPerSheet">The most rows (heading included) a sheet may have.</param>
public sealed record ReadLimits(long MaxBytes = 5 * 1024 * 1024, int MaxRowsPerSheet = 2_001)
{
    /// <summary>The platform's limits: 5 MB, 2 000 data rows under the heading.</summary>
    public static ReadLimits Default { get; } = new();
}

/// <summary>
/// Reads an uploaded .xlsx: refuses what is not a workbook (by its content — a zip package with a workbook part — not
/// its name), a file over the size limit and a sheet over the row limit, and then looks at every cell of every sheet
/// for a personnummer, refusing the whole file and naming each cell where it found one. Rows are streamed
/// (<see cref="OpenXmlReader"/>), so a sheet of a million rows is refused at the limit, not loaded whole.
/// </summary>
public static class WorkbookReader
{
    /// <summary>The workbook's sheets and cells, or <see cref="SpreadsheetRefusedException"/> naming why the file is refused.</summary>
    public static WorkbookContent Read(Stream stream, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var bytes = ReadBounded(stream, limits.MaxBytes);
        // A zip starts "PK\3\4"; anything else (CSV, an old .xls, a PDF) is refused before the package reader sees it.
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            throw SpreadsheetRefusedException.File(NotAWorkbook);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { AutoSave = false, MaxCharactersInPart = 200_000_000 });
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException
            or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw SpreadsheetRefusedException.File(NotAWorkbook);
        }
        using (document)
        {
            if (document.DocumentType != SpreadsheetDocumentType.Workbook || document.WorkbookPart?.Workbook?.Sheets is null)
                throw SpreadsheetRefusedException.File(NotAWorkbook);
            var content = ReadSheets(document.WorkbookPart, limits);
            var personal = PersonalNumbers(content);
            if (personal.Count > 0)
                throw new SpreadsheetRefusedException(personal);
            return content;
        }
    }

    /// <summary>The Swedish reason for a file that is not an .xlsx workbook.</summary>
    public const string NotAWorkbook = "Filen är inte en Excel-arbetsbok (.xlsx). Spara den som \"Excel-arbetsbok (*.xlsx)\" och ladda upp den igen.";

    /// <summary>Every cell, on every sheet, that holds a personnummer or samordningsnummer.</summary>
    public static IReadOnlyList<CellProblem> PersonalNumbers(WorkbookContent content) =>
        content.Sheets.SelectMany(s => s.Rows.SelectMany(r => r.Cells.Values)
                .Where(c => PersonalIdentityNumber.ContainsAny(c.Text))
                .Select(c => new CellProblem(s.Name, c.Reference,
                    "Cellen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras; hela filen avvisades.")))
            .ToList();

    private static readonly CultureInfo Swedish = new("sv-SE");

    private static byte[] ReadBounded(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw SpreadsheetRefusedException.File($"Filen är större än {maxBytes / (1024 * 1024)} MB. Dela upp den i mindre filer.");
        }
        return buffer.ToArray();
    }

    private static WorkbookContent ReadSheets(WorkbookPart workbookPart, ReadLimits limits)
    {
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<SheetContent>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var name = sheet.Name?.Value ?? "";
            if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                continue; // a chart sheet holds no cells
            sheets.Add(new SheetContent(name, ReadRows(part, name, shared, limits)));
        }
        return new WorkbookContent(sheets);
    }

    private static List<SheetRow> ReadRows(WorksheetPart part, string sheetName, List<string> shared, ReadLimits limits)
    {
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(part);
        var implicitRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : implicitRow + 1;
            implicitRow = number;
            if (number > limits.MaxRowsPerSheet && row.Elements<Cell>().Any(c => !string.IsNullOrEmpty(c.InnerText)))
                throw new SpreadsheetRefusedException([new CellProblem(sheetName, number.ToString(CultureInfo.InvariantCulture),
                    $"Bladet har fler än {(limits.MaxRowsPerSheet - 1).ToString("N0", Swedish).Replace('\u00a0', ' ')} rader under rubrikraden. Dela upp uppgifterna i flera filer.")]);
            var cells = new Dictionary<int, SheetCell>();
            var implicitColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var reference = cell.CellReference?.Value ?? CellReference.Of(implicitColumn + 1, number);
                var column = CellReference.ColumnOf(reference);
                implicitColumn = column;
                if (ValueOf(cell, shared) is { } value)
                    cells[column] = value with { Reference = reference };
            }
            if (cells.Count > 0)
                rows.Add(new SheetRow(number, cells));
        }
        return rows;
    }

    private static SheetCell? ValueOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return Text(cell.InlineString?.InnerText);
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? Text(shared[i]) : null;
        if (type == CellValues.String || type == CellValues.Error)
            return Text(raw);
        if (type == CellValues.Boolean)
            return Text(raw == "1" ? "Ja" : "Nej");
        if (string.IsNullOrEmpty(raw)) return null;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return new SheetCell("", number.ToString("0.###############", CultureInfo.InvariantCulture), number);
        return Text(raw);
    }

    private static SheetCell? Text(string? text) => string.IsNullOrEmpty(text) ? null : new SheetCell("", text, null);
}
