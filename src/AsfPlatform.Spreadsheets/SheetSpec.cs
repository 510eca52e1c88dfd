namespace AsfPlatform.Spreadsheets;

/// <summary>A column of a written sheet: its heading and, for a template, the values a cell may take (a validation list).</summary>
public sealed record SheetColumn(string Heading, IReadOnlyList<string>? Choices = null);

/// <summary>
/// One sheet to write: a frozen heading row with filters, then the rows. A row's values are written by their type:
/// numbers (int, long, decimal, double) as numbers, <see cref="DateOnly"/> and <see cref="DateTime"/> as date serials with
/// a date style, anything else as text; null leaves the cell empty.
/// </summary>
/// <param name="Name">The sheet's name (at most 31 characters, no []:*?/\).</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows under the heading.</param>
/// <param name="InputRows">How many rows under the heading the validation lists cover (a template's room to fill in).</param>
public sealed record SheetSpec(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, int InputRows = 0);
