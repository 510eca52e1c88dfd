namespace AsfPlatform.Spreadsheets;

/// <summary>One problem of an uploaded workbook, named the way the user finds it: sheet, cell (A1 style) and a Swedish reason.</summary>
/// <param name="Sheet">The sheet's name as the workbook shows it; empty for a problem of the whole file.</param>
/// <param name="Cell">The cell ("D7"), a row ("7") or empty for a problem of the whole sheet or file.</param>
/// <param name="Reason">Why, in Swedish.</param>
public sealed record CellProblem(string Sheet, string Cell, string Reason)
{
    /// <summary>"Figurer!D7: …", the form every message and test uses.</summary>
    public override string ToString() => Sheet.Length == 0 ? Reason : Cell.Length == 0 ? $"{Sheet}: {Reason}" : $"{Sheet}!{Cell}: {Reason}";
}

/// <summary>The whole file is refused (not a workbook, too large, a personnummer somewhere); nothing may be applied.</summary>
public sealed class SpreadsheetRefusedException(IReadOnlyList<CellProblem> problems)
    : Exception(string.Join("; ", problems))
{
    /// <summary>Every reason the file was refused.</summary>
    public IReadOnlyList<CellProblem> Problems { get; } = problems;

    /// <summary>A refusal of the whole file for one reason.</summary>
    public static SpreadsheetRefusedException File(string reason) => new([new CellProblem("", "", reason)]);
}
