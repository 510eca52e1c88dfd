using System.Globalization;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>What a template or an upload is for: the year of company figures.</summary>
public sealed record ImportOptions(int? Year = null);

/// <summary>A row of an upload: its change and, unless it is unchanged, the write that makes it.</summary>
public sealed record PlannedRow(ImportRowChange Change, PlannedWrite? Write);

/// <summary>A row whose cells read well: the fact it would store, and what the shared row loop needs to judge it.</summary>
/// <param name="Key">The fact's key in the sheet: a second row with the same key is refused.</param>
/// <param name="KeyColumn">Where a repeated key is named.</param>
/// <param name="Repeated">The reason for a repeated key, given the row that had it first.</param>
/// <param name="Errors">The domain's refusals of the fact (placed at their fields' cells).</param>
/// <param name="Target">The fact in words, for the preview.</param>
/// <param name="Before">The fact as stored, as a template row (null when new).</param>
/// <param name="After">The fact as read, as a template row.</param>
/// <param name="Write">The write of the fact, given the row's change.</param>
public sealed record RowFact(object Key, int KeyColumn, Func<int, string> Repeated, IReadOnlyList<ValidationError> Errors, string Target,
    IReadOnlyList<object?>? Before, IReadOnlyList<object?> After, Func<ImportRowChange, PlannedWrite> Write);

/// <summary>
/// One collection's sheet: its columns, the template pre-filled with the rows the user may report, and the reading
/// of an upload into planned writes, every problem named by cell. Each kind is one subclass.
/// </summary>
public abstract class ImportSheet
{
    /// <summary>The collection.</summary>
    public abstract ImportKind Kind { get; }

    /// <summary>The data sheet's name.</summary>
    public abstract string SheetName { get; }

    /// <summary>The columns of the data sheet, in order (their headings are checked on upload).</summary>
    public abstract IReadOnlyList<SheetColumn> Columns(ImportContext context, ImportSetting setting);

    /// <summary>The instructions sheet's paragraphs.</summary>
    public abstract IReadOnlyList<string> Instructions(ImportSetting setting);

    /// <summary>The template's rows: what the user may report, with what is stored now.</summary>
    public abstract Task<IReadOnlyList<IReadOnlyList<object?>>> TemplateRowsAsync(ImportContext context, ImportSetting setting);

    /// <summary>Reads the upload's rows into planned rows, adding every problem to <paramref name="problems"/>.</summary>
    public abstract Task<IReadOnlyList<PlannedRow>> ParseAsync(ImportContext context, ImportSetting setting, SheetContent sheet,
        List<CellProblem> problems);

    /// <summary>
    /// The row loop every sheet shares: each data row read by <paramref name="read"/> (null, or a parser with problems,
    /// when a cell is wrong), a key met twice refused, the domain's refusals placed at their cells, and the row's change
    /// (new, changed from → to, unchanged) worked out.
    /// </summary>
    protected static async Task<IReadOnlyList<PlannedRow>> ReadRowsAsync(SheetContent sheet, List<CellProblem> problems,
        IReadOnlyList<SheetColumn> columns, IReadOnlyDictionary<string, int> fields, Func<CellParser, Task<RowFact?>> read)
    {
        var seen = new Dictionary<object, int>();
        var planned = new List<PlannedRow>();
        foreach (var row in sheet.DataRows)
        {
            var p = new CellParser(sheet.Name, row, problems);
            if (await read(p) is not { } fact || p.HasProblems)
                continue;
            if (seen.TryGetValue(fact.Key, out var earlier))
            {
                p.Problem(fact.KeyColumn, fact.Repeated(earlier));
                continue;
            }
            seen[fact.Key] = row.Number;
            if (fact.Errors.Count > 0)
            {
                AddDomainErrors(p, fact.Errors, fields);
                continue;
            }
            var changes = Differences(columns, fact.Before, fact.After);
            var change = new ImportRowChange(sheet.Name, row.Number, fact.Target, StatusOf(fact.Before is not null, changes), changes);
            planned.Add(new PlannedRow(change, change.Status == ImportRowChange.Unchanged ? null : fact.Write(change)));
        }
        return planned;
    }

    /// <summary>The domain's refusals of a row's fact, each at the cell of its field (the first cell when the field has no column).</summary>
    protected static void AddDomainErrors(CellParser parser, IEnumerable<ValidationError> errors, IReadOnlyDictionary<string, int> columns)
    {
        foreach (var error in errors)
        {
            var head = error.Field.Split('[', '.')[0];
            var column = columns.TryGetValue(error.Field, out var exact) ? exact : columns.TryGetValue(head, out var byHead) ? byHead : 1;
            parser.Problem(column, error.Message);
        }
    }

    /// <summary>The fields whose text differs, headed as in the sheet.</summary>
    protected static IReadOnlyList<FieldChange> Differences(IReadOnlyList<SheetColumn> columns, IReadOnlyList<object?>? before, IReadOnlyList<object?> after)
    {
        var changes = new List<FieldChange>();
        for (var c = 0; c < Math.Min(columns.Count, after.Count); c++)
        {
            var from = before is null ? null : Show(before[c]);
            var to = Show(after[c]);
            if (from != to)
                changes.Add(new FieldChange(columns[c].Heading, from, to));
        }
        return changes;
    }

    /// <summary>A value as the preview shows it.</summary>
    protected static string? Show(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// A kommunkod cell: a code typed into a cell becomes a number (2183), so a whole number is read as four digits.
    /// A municipality the user may not report for, or that is not the owner's, is a problem at the cell.
    /// </summary>
    protected static string? Kommunkod(CellParser p, int column, ImportContext context, ImportSetting setting, bool required)
    {
        var text = p.Text(column, "Kommunkod", required);
        if (text is not null && p.Row[column]?.Number is { } n && n == Math.Floor(n) && n is > 0 and < 10000)
            text = ((int)n).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        if (text is not null && !setting.Municipalities.ContainsKey(text))
            p.Problem(column, Host.Domain.DomainWriter.MayChange(context.User, text)
                ? $"Kommun {text} hör inte till ägaren; välj en av ägarens kommuner."
                : $"Du får bara rapportera för din egen kommun, inte för kommun {text}.");
        return text;
    }

    /// <summary>The status of a row from its before and its changes.</summary>
    protected static string StatusOf(bool exists, IReadOnlyList<FieldChange> changes) =>
        !exists ? ImportRowChange.New : changes.Count == 0 ? ImportRowChange.Unchanged : ImportRowChange.Changed;
}

/// <summary>What a sheet is read against: the year (company figures), the insats and its period (placements, events),
/// the municipalities the user may report for, by kommunkod.</summary>
public sealed record ImportSetting(int? Year, AsfPlatform.Domain.Model.Insats? Insats, IReadOnlyDictionary<string, string> Municipalities);
