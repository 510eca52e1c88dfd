using System.Security.Claims;
using AsfPlatform.Host.Domain;

namespace AsfPlatform.Host.Import;

/// <summary>Who imports what, where, and the audit reason that names the file ("Import från fil figurer-2018.xlsx").</summary>
public sealed record ImportContext(ClaimsPrincipal User, string Owner, string? InsatsId, string Reason, DomainReader Reader, DomainWriter Writer)
{
    /// <summary>The reason of a write that undoes an import's write.</summary>
    public string UndoReason => Reason + " ångrad";
}

/// <summary>
/// One write an import will make, planned at preview: the fact as it was then (to check nothing changed since), the
/// write through <see cref="DomainWriter"/> (scope, validation, audit, versions like any other write) and its undo.
/// </summary>
public abstract class PlannedWrite(ImportRowChange change)
{
    /// <summary>The row this write comes from.</summary>
    public ImportRowChange Change { get; } = change;

    /// <summary>
    /// Writes of one lane go one after another; lanes go side by side. Writes that check the same version (the facts
    /// of one company, the placements of one insats) share a lane, so none of them is refused for another's write.
    /// </summary>
    public virtual string Lane => "";

    /// <summary>Whether the target is still as it was at the preview.</summary>
    public abstract Task<bool> IsAsPreviewedAsync(ImportContext context);

    /// <summary>Stores the row's fact.</summary>
    public abstract Task ApplyAsync(ImportContext context);

    /// <summary>Puts back what was there before <see cref="ApplyAsync"/> (removes a new fact, restores a changed one).</summary>
    public abstract Task UndoAsync(ImportContext context);
}
