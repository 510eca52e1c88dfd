namespace AsfPlatform.Reporting;

/// <summary>How a column's contents line up.</summary>
public enum ColumnAlignment
{
    /// <summary>Text (the default).</summary>
    Left,
    /// <summary>Short labels and badges.</summary>
    Center,
    /// <summary>Numbers and amounts.</summary>
    Right,
}

/// <summary>A table column.</summary>
/// <param name="Header">The header text (repeated on every page).</param>
/// <param name="WidthPercent">Share of the text width, 1–100; columns without one share what is left.</param>
/// <param name="Alignment">How cells in the column line up.</param>
public sealed record TableColumn(string Header, int? WidthPercent = null, ColumnAlignment Alignment = ColumnAlignment.Left)
{
    /// <summary>A left-aligned column with no set width.</summary>
    public static implicit operator TableColumn(string header) => new(header);
}

/// <summary>The status words the platform uses for goal attainment; each has its own badge colour.</summary>
public enum GoalStatus
{
    /// <summary>"Uppnått": the target is met.</summary>
    Achieved,
    /// <summary>"På väg": progressing as planned.</summary>
    OnTrack,
    /// <summary>"Risk": progressing, but the target is at risk.</summary>
    AtRisk,
    /// <summary>"Ej på väg": not progressing toward the target.</summary>
    OffTrack,
}

/// <summary>One table cell: text, or a status badge (colour plus words, so it reads in greyscale too).</summary>
public sealed record TableCell(string Text, GoalStatus? Status = null, bool Bold = false)
{
    /// <summary>A text cell.</summary>
    public static implicit operator TableCell(string text) => new(text);

    /// <summary>A status badge cell showing the Swedish words for <paramref name="status"/>.</summary>
    public static TableCell Badge(GoalStatus status) => new(StatusText.Of(status), status);
}

/// <summary>A table: columns and rows of cells (each row as many cells as there are columns).</summary>
/// <param name="Columns">The columns, with header texts.</param>
/// <param name="Rows">The body rows.</param>
/// <param name="Caption">Optional caption written above the table.</param>
public sealed record TableSpec(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows, string? Caption = null);

/// <summary>The Swedish words for goal statuses.</summary>
public static class StatusText
{
    /// <summary>"Uppnått", "På väg", "Risk" or "Ej på väg".</summary>
    public static string Of(GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "Uppnått",
        GoalStatus.OnTrack => "På väg",
        GoalStatus.AtRisk => "Risk",
        GoalStatus.OffTrack => "Ej på väg",
        _ => status.ToString(),
    };
}
