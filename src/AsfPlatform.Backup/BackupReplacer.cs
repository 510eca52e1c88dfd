using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Contracts;

namespace AsfPlatform.Backup;

/// <summary>
/// Replaces what an installation holds for an owner with a backup of it, all or nothing: takes a backup of what is
/// here first, plans every write (<see cref="BackupReplacePlan"/>: refused before the first write when the domain could
/// not undo a difference), writes them one by one through the grains' ordinary write, correction and removal paths,
/// each carrying its audit entry (the backup file as the reason) into the grain's write, then appends one entry naming
/// the replace. When a write fails midway, the backup taken first is put back the same way, its writes audited as
/// such, so the log tells the whole attempt.
/// </summary>
/// <remarks>
/// The owner's history is kept: the backup's own audit entries are not imported over it (they would repeat what the
/// log holds), the replace's entries are added. The backup's sample-dataset ledger is added to the owner's, so a host
/// start does not bring back a sample record the backup lacks.
/// </remarks>
public sealed class BackupReplacer(IGrainFactory grains, IAuditArchive audit, TimeProvider? clock = null)
{
    /// <summary>
    /// Brings the owner of <paramref name="target"/>, which exists here, to the backup's content; answers the changes made.
    /// <see cref="BackupConflictException"/> before any write when the domain could not undo a difference;
    /// <see cref="BackupReplaceFailedException"/> when a write failed (with what was written put back).
    /// </summary>
    public async Task<int> ReplaceAsync(BackupDocument target, string actor, string source, CancellationToken cancellationToken = default)
    {
        var ownerId = target.Manifest.OwnerId;
        var writer = new BackupWriter(grains, audit, clock);
        var before = await writer.ReadAsync(ownerId, cancellationToken);
        var steps = BackupReplacePlan.Between(before, target);

        var reason = $"ersatt från säkerhetskopia {source}";
        try
        {
            foreach (var step in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await step.Apply(grains, Note(step, actor, reason));
            }
            // The replace as a whole: not a change of its own (each change above carried its entry), a line that ties them.
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            await audit.ImportAsync([new AuditEntry(0, now, actor, "organisation", ownerId,
                $"Ersatt med säkerhetskopia {target.Manifest.Id} (tagen {target.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC, fil {source}): " +
                $"{steps.Count} {(steps.Count == 1 ? "ändring" : "ändringar")}", null, null, reason)], cancellationToken);
        }
        catch (Exception failure)
        {
            await PutBackAsync(before, failure, actor);
            throw new BackupReplaceFailedException($"Ersättningen av \"{ownerId}\" avbröts ({failure.Message}). Allt den hade " +
                "skrivit är återställt från säkerhetskopian som togs först; organisationen har sina uppgifter som före försöket.",
                failure, undone: true, before);
        }
        if (target.DatasetLedger.Count > 0)
            await grains.GetGrain<IDatasetLedgerGrain>(GrainKeys.DatasetLedger(ownerId)).MarkApplied(target.DatasetLedger);
        return steps.Count;
    }

    /// <summary>Replaces what the failed run left with what was here before (the plan has no blockers that way: every
    /// planned write could be undone). Not cancellable: stopping it would leave the half-done state it exists to mend.</summary>
    private async Task PutBackAsync(BackupDocument before, Exception failure, string actor)
    {
        try
        {
            var left = await new BackupWriter(grains, audit, clock).ReadAsync(before.Manifest.OwnerId);
            foreach (var step in BackupReplacePlan.Between(left, before))
                await step.Apply(grains, Note(step, actor, "återställd efter en avbruten ersättning"));
        }
        catch (Exception undo)
        {
            throw new BackupReplaceFailedException($"Ersättningen av \"{before.Manifest.OwnerId}\" avbröts ({failure.Message}) och " +
                $"det som hunnit skrivas kunde inte återställas ({undo.Message}). Återställ säkerhetskopian som togs före försöket " +
                "med ersätt när felet är åtgärdat.", new AggregateException(failure, undo), undone: false, before);
        }
    }

    /// <summary>The step's audit entry, handed to the grain with the change (stored with it or not at all).</summary>
    private AuditNote Note(ReplaceStep step, string actor, string reason) =>
        new(Guid.NewGuid(), (clock ?? TimeProvider.System).GetUtcNow(), actor, step.EntityType, step.EntityPath, step.Action,
            Json(step.Before), Json(step.After), reason);

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, BackupFormat.Json);
}
