using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>One field a row changes: its heading, the value stored now and the value of the sheet.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>What one row of the sheet does: <see cref="New"/>, <see cref="Changed"/> (with each field from → to) or <see cref="Unchanged"/>.</summary>
/// <param name="Sheet">The sheet of the row.</param>
/// <param name="Row">The row's number as the workbook shows it.</param>
/// <param name="Target">What the row is about, in words ("Glädjeverket per 2018-12-31").</param>
/// <param name="Status">"ny", "ändrad" or "oförändrad".</param>
/// <param name="Changes">The fields that change (for a new row: every field given).</param>
public sealed record ImportRowChange(string Sheet, int Row, string Target, string Status, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The row adds a fact.</summary>
    public const string New = "ny";
    /// <summary>The row changes a stored fact.</summary>
    public const string Changed = "ändrad";
    /// <summary>The row is what is stored already.</summary>
    public const string Unchanged = "oförändrad";
}

/// <summary>
/// The preview of an uploaded sheet: every row with what it would change and every problem by sheet, cell and
/// reason. Nothing is applied; <see cref="Token"/> (set only when there is no problem and something to change)
/// confirms it with <c>POST …/apply</c> and <c>If-Match</c>.
/// </summary>
public sealed record ImportPreview(string? Token, string Kind, string FileName, DateTimeOffset? ExpiresAt,
    IReadOnlyList<ImportRowChange> Rows, IReadOnlyList<CellProblem> Problems)
{
    /// <summary>Whether the import can be confirmed.</summary>
    public bool CanApply => Token is not null;
}

/// <summary>What a confirmed import stored.</summary>
public sealed record ImportResult(string Kind, string FileName, int Applied, int Unchanged);

/// <summary>An import whose targets changed since its preview, or whose token is unknown or expired: nothing was applied.</summary>
public sealed class ImportStaleException(string message) : Exception(message);
