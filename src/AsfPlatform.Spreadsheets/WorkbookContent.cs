namespace AsfPlatform.Spreadsheets;

/// <summary>One non-empty cell as read: its text as the user sees it and, for a numeric cell, the number.</summary>
/// <param name="Reference">"D7".</param>
/// <param name="Text">The text of a text cell, or the number written invariantly (no exponent) for a numeric cell.</param>
/// <param name="Number">The number of a numeric cell; null for text.</param>
public sealed record SheetCell(string Reference, string Text, double? Number);

/// <summary>A row of a sheet as read: its 1-based number and its non-empty cells by column number.</summary>
public sealed class SheetRow(int number, IReadOnlyDictionary<int, SheetCell> cells)
{
    /// <summary>The row's number as the workbook shows it.</summary>
    public int Number { get; } = number;

    /// <summary>The non-empty cells by column number (A = 1).</summary>
    public IReadOnlyDictionary<int, SheetCell> Cells { get; } = cells;

    /// <summary>The cell of a column, or null when it is empty.</summary>
    public SheetCell? this[int column] => Cells.GetValueOrDefault(column);

    /// <summary>Whether every cell of the row is empty.</summary>
    public bool IsEmpty => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>A sheet as read: its name and its rows (empty rows left out).</summary>
public sealed record SheetContent(string Name, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>The heading row (row 1), or null when the sheet has none.</summary>
    public SheetRow? Heading => Rows.FirstOrDefault(r => r.Number == 1);

    /// <summary>The rows under the heading that hold anything.</summary>
    public IEnumerable<SheetRow> DataRows => Rows.Where(r => r.Number > 1 && !r.IsEmpty);
}

/// <summary>A workbook as read: its sheets in order.</summary>
public sealed record WorkbookContent(IReadOnlyList<SheetContent> Sheets)
{
    /// <summary>The sheet of that name (case-insensitive), or null.</summary>
    public SheetContent? Sheet(string name) => Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
