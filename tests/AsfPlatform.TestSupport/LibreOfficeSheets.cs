using System.Diagnostics;
using System.Xml.Linq;

namespace AsfPlatform.TestSupport;

/// <summary>
/// Opens a workbook in headless LibreOffice Calc and saves it as flat OpenDocument (.fods), so a test sees what Calc
/// made of every cell: its value type (float, date, string) and value. Own HOME and profile per run, as the PDF converter does.
/// </summary>
public static class LibreOfficeSheets
{
    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    /// <summary>Whether LibreOffice's Calc module is installed beside <paramref name="soffice"/> (a Writer-only install cannot open .xlsx).</summary>
    public static bool CalcInstalled(string soffice) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new FileInfo(soffice).ResolveLinkTarget(true)?.FullName ?? soffice))!, "libsclo.so"));

    /// <summary>One cell as Calc read it.</summary>
    public sealed record CalcCell(string Type, string? Value, string Text);

    /// <summary>Each sheet's rows of cells as LibreOffice Calc reads the workbook.</summary>
    public static async Task<IReadOnlyDictionary<string, List<List<CalcCell>>>> ReadAsync(string soffice, byte[] xlsx)
    {
        var work = Directory.CreateTempSubdirectory("asf-calc-");
        try
        {
            var input = Path.Combine(work.FullName, "bok.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
                $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri}",
                "--convert-to", "fods", "--outdir", work.FullName, input,
            })
                start.ArgumentList.Add(argument);
            start.Environment["HOME"] = work.FullName;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var fods = Path.Combine(work.FullName, "bok.fods");
            if (!File.Exists(fods))
                throw new InvalidOperationException($"LibreOffice made no .fods: {await output} {await error}");
            var document = XDocument.Load(fods);
            return document.Descendants(Table + "table").ToDictionary(t => (string)t.Attribute(Table + "name")!, Rows);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<List<CalcCell>> Rows(XElement table) =>
        table.Descendants(Table + "table-row").Select(row => row.Elements(Table + "table-cell").SelectMany(cell =>
        {
            var repeat = (int?)cell.Attribute(Table + "number-columns-repeated") ?? 1;
            var type = (string?)cell.Attribute(Office + "value-type") ?? "";
            var value = (string?)cell.Attribute(Office + "value") ?? (string?)cell.Attribute(Office + "date-value");
            var text = string.Concat(cell.Elements().Where(e => e.Name.LocalName == "p").Select(p => p.Value));
            return Enumerable.Repeat(new CalcCell(type, value, text), Math.Min(repeat, 64));
        }).ToList()).Take(5000).ToList();
}
