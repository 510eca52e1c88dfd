namespace AsfPlatform.Spreadsheets;

/// <summary>Checks that a sheet's heading row has the expected headings, in order, each named by its cell when wrong.</summary>
public static class SheetLayout
{
    /// <summary>The problems of the heading row: a missing sheet, a missing, renamed or moved column.</summary>
    public static IReadOnlyList<CellProblem> Check(WorkbookContent workbook, string sheetName, IReadOnlyList<string> headings)
    {
        var sheet = workbook.Sheet(sheetName);
        if (sheet is null)
            return [new CellProblem(sheetName, "", $"Arbetsboken saknar bladet \"{sheetName}\". Utgå från mallen och behåll bladens namn.")];
        var problems = new List<CellProblem>();
        var heading = sheet.Heading;
        for (var c = 0; c < headings.Count; c++)
        {
            var found = heading?[c + 1]?.Text.Trim();
            if (!string.Equals(found, headings[c], StringComparison.OrdinalIgnoreCase))
                problems.Add(new CellProblem(sheet.Name, CellReference.Of(c + 1, 1), found is null
                    ? $"Kolumnen \"{headings[c]}\" saknas; rubriken ska stå här."
                    : $"Kolumnen heter \"{found}\" men ska vara \"{headings[c]}\". Ändra inte mallens kolumner."));
        }
        if (heading is not null)
            foreach (var extra in heading.Cells.Where(c => c.Key > headings.Count && !string.IsNullOrWhiteSpace(c.Value.Text)))
                problems.Add(new CellProblem(sheet.Name, extra.Value.Reference, $"Okänd kolumn \"{extra.Value.Text.Trim()}\". Ta bort den; mallen har {headings.Count} kolumner."));
        return problems;
    }
}
