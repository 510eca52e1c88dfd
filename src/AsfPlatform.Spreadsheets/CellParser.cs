using System.Globalization;

namespace AsfPlatform.Spreadsheets;

/// <summary>
/// Typed reads of one row's cells that collect every problem (sheet, cell, Swedish reason) instead of stopping at
/// the first, so a preview lists all of them. Columns are named by their heading in the messages.
/// </summary>
public sealed class CellParser(string sheet, SheetRow row, List<CellProblem> problems)
{
    private readonly int _problemsBefore = problems.Count;

    /// <summary>The row being read.</summary>
    public SheetRow Row { get; } = row;

    /// <summary>Whether a problem was found in this row since the parser was made for it.</summary>
    public bool HasProblems => problems.Count > _problemsBefore;

    /// <summary>The cell reference of a column in this row ("D7").</summary>
    public string Reference(int column) => CellReference.Of(column, Row.Number);

    /// <summary>Adds a problem of a cell of this row.</summary>
    public void Problem(int column, string reason) => problems.Add(new CellProblem(sheet, Reference(column), reason));

    /// <summary>The trimmed text of a cell; null when empty (a problem when <paramref name="required"/>).</summary>
    public string? Text(int column, string heading, bool required = false)
    {
        var text = Row[column]?.Text.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) Problem(column, $"\"{heading}\" måste fyllas i.");
            return null;
        }
        return text;
    }

    /// <summary>A whole number ≥ 0; a text that is only digits counts (cells formatted as text), anything else is a problem.</summary>
    public int? Count(int column, string heading, bool required = false)
    {
        var cell = Row[column];
        if (cell is null || string.IsNullOrWhiteSpace(cell.Text))
        {
            if (required) Problem(column, $"\"{heading}\" måste fyllas i (0 om inga).");
            return null;
        }
        var number = cell.Number ?? (double.TryParse(cell.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
        if (number is null)
        {
            Problem(column, $"\"{heading}\" ska vara ett tal, men cellen innehåller texten \"{Shorten(cell.Text)}\".");
            return null;
        }
        if (number != Math.Floor(number.Value) || number < 0 || number > 1_000_000)
        {
            Problem(column, $"\"{heading}\" ska vara ett heltal från 0 till 1 000 000 (är {number.Value.ToString(CultureInfo.InvariantCulture)}).");
            return null;
        }
        return (int)number.Value;
    }

    /// <summary>A decimal number ≥ 0 (amounts); "200,50" with a Swedish decimal comma is read too.</summary>
    public decimal? Amount(int column, string heading, bool required = false)
    {
        var cell = Row[column];
        if (cell is null || string.IsNullOrWhiteSpace(cell.Text))
        {
            if (required) Problem(column, $"\"{heading}\" måste fyllas i.");
            return null;
        }
        if (cell.Number is { } n && n is >= 0 and <= 100_000_000)
            return (decimal)n;
        if (cell.Number is null && decimal.TryParse(cell.Text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0)
            return d;
        Problem(column, cell.Number is null
            ? $"\"{heading}\" ska vara ett belopp, men cellen innehåller texten \"{Shorten(cell.Text)}\"."
            : $"\"{heading}\" ska vara ett belopp från 0 (är {cell.Text}).");
        return null;
    }

    /// <summary>A date: a date cell (serial), or a text yyyy-mm-dd; within [<paramref name="from"/>, <paramref name="to"/>] when given.</summary>
    public DateOnly? Date(int column, string heading, bool required = false, DateOnly? from = null, DateOnly? to = null, string? period = null)
    {
        var cell = Row[column];
        if (cell is null || string.IsNullOrWhiteSpace(cell.Text))
        {
            if (required) Problem(column, $"\"{heading}\" måste fyllas i (ÅÅÅÅ-MM-DD).");
            return null;
        }
        DateOnly? date = cell.Number is { } serial
            ? DateSerial.ToDate(serial)
            : DateOnly.TryParseExact(cell.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (date is null)
        {
            Problem(column, $"\"{heading}\" ska vara ett datum (ÅÅÅÅ-MM-DD), men cellen innehåller \"{Shorten(cell.Text)}\".");
            return null;
        }
        if ((from is { } f && date < f) || (to is { } t && date > t))
        {
            Problem(column, $"Datumet {date:yyyy-MM-dd} ligger utanför {period ?? "perioden"} ({from:yyyy-MM-dd}–{to:yyyy-MM-dd}).");
            return null;
        }
        return date;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), answered as the key it maps to.</summary>
    public T? Choice<T>(int column, string heading, IReadOnlyDictionary<string, T> choices, bool required = false) where T : struct
    {
        var text = Text(column, heading, required);
        if (text is null) return null;
        var match = choices.FirstOrDefault(c => string.Equals(c.Key, text, StringComparison.OrdinalIgnoreCase));
        if (match.Key is null)
        {
            Problem(column, $"\"{Shorten(text)}\" är inget giltigt värde för \"{heading}\". Välj ett av: {string.Join(", ", choices.Keys)}.");
            return null;
        }
        return match.Value;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
