using AsfPlatform.Domain.Indicators;

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

/// <summary>One table cell: text, or a status badge (colour plus words, so it reads in greyscale too).</summary>
public sealed record TableCell(string Text, IndicatorStatus? Status = null, bool Bold = false)
{
    /// <summary>A text cell.</summary>
    public static implicit operator TableCell(string text) => new(text);

    /// <summary>A status badge cell showing the domain's Swedish words for <paramref name="status"/> ("Uppnått", "I fas", ...).</summary>
    public static TableCell Badge(IndicatorStatus status) => new(IndicatorEvaluation.Swedish(status), status);

    /// <summary>A status badge with the words the plan's rule gives at the evaluation date (<see cref="IndicatorText.Status"/>).</summary>
    public static TableCell Badge(IndicatorEvaluation evaluation) => new(IndicatorText.Status(evaluation), evaluation.Status);
}

/// <summary>A table: columns and rows of cells (each row as many cells as there are columns).</summary>
/// <param name="Columns">The columns, with header texts.</param>
/// <param name="Rows">The body rows.</param>
/// <param name="Caption">Optional caption written above the table.</param>
public sealed record TableSpec(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows, string? Caption = null);
