using AsfPlatform.Access;
using AsfPlatform.Contracts;

namespace AsfPlatform.Backup;

/// <summary>What a restore did.</summary>
/// <param name="OwnerId">The owner restored.</param>
/// <param name="Counts">Records per kind in the document.</param>
/// <param name="Resumed">Whether it completed an earlier restore of the same document that had stopped midway.</param>
/// <param name="Replaced">Whether it replaced an owner that was here (<see cref="BackupReplacer"/>).</param>
/// <param name="Changes">Writes a replace made (0 when it restored into an installation without the owner).</param>
public sealed record BackupRestoreResult(string OwnerId, IReadOnlyDictionary<string, int> Counts, bool Resumed, bool Replaced = false,
    int Changes = 0);

/// <summary>
/// Restores a checked <see cref="BackupDocument"/> into this installation through the grains' create paths (create-only,
/// expected version 0, as the dataset loader does), so the domain validates each record again, then writes the owner's
/// audit entries with their own times and actors plus one entry naming the restore.
/// </summary>
/// <remarks>
/// Never half done, by design rather than by undo (the domain has no removal of owners, companies or plans): every
/// record was checked before (<see cref="BackupReader"/>), and a restore over anything already there is refused
/// before the first write. What is left is the database or cluster failing midway; the owner's ledger then holds a
/// "started" marker of this document without its "done" marker, and running the same restore again completes it
/// (records already written are found present and skipped; the audit entries are written once, in one transaction).
/// </remarks>
public sealed class BackupRestorer(IGrainFactory grains, IAuditArchive audit, TimeProvider? clock = null)
{
    /// <summary>The ledger keys a restore notes (never a dataset record's key).</summary>
    public const string MarkerPrefix = "backup/restore/";

    /// <summary>
    /// Restores <paramref name="document"/>; <paramref name="actor"/> and <paramref name="source"/> (the file's name)
    /// go into the restore's audit entry. Throws <see cref="BackupConflictException"/> when the owner or any record of
    /// it is already in this installation, unless <paramref name="replace"/> asks for the owner's data to be replaced
    /// with the document's (<see cref="BackupReplacer"/>: all or nothing).
    /// </summary>
    public async Task<BackupRestoreResult> RestoreAsync(BackupDocument document, string actor, string source,
        CancellationToken cancellationToken = default, bool replace = false)
    {
        var ownerId = document.Manifest.OwnerId;
        var ledger = grains.GetGrain<IDatasetLedgerGrain>(GrainKeys.DatasetLedger(ownerId));
        var applied = await ledger.GetApplied();
        string started = $"{MarkerPrefix}{document.Manifest.Id}/started", done = $"{MarkerPrefix}{document.Manifest.Id}/done";
        var resuming = applied.Contains(started) && !applied.Contains(done);
        if (!resuming && replace && (await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId)).GetSnapshot()).Exists)
        {
            var changes = await new BackupReplacer(grains, audit, clock).ReplaceAsync(document, actor, source, cancellationToken);
            return new BackupRestoreResult(ownerId, document.Counts(), Resumed: false, Replaced: true, changes);
        }
        if (!resuming)
            await RequireEmptyAsync(document);
        await ledger.MarkApplied([started]);

        var run = new Run(cancellationToken);
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId));
        await run.Once(async () => !(await directory.GetSnapshot()).Exists,
            () => directory.SaveProfile(new SaveOwnerProfile(document.Owner.Profile, CreateOnly: true)));

        foreach (var m in document.Municipalities)
        {
            var grain = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(ownerId, m.Kommunkod));
            await run.Once(async () => !(await grain.GetSnapshot()).Exists,
                () => grain.Register(new RegisterMunicipality(m.Name, m.Subregion, ExpectedVersion: 0)));
            foreach (var milestone in m.Milestones)
                await run.Into(grain.GetSnapshot, s => s.Milestones.All(x => x.Id != milestone.Id),
                    s => grain.RecordMilestone(new RecordMunicipalMilestone(milestone, s.Version)));
        }
        foreach (var survey in document.Surveys)
            await run.Into(directory.GetSnapshot, s => !s.SurveyYears.Contains(survey.Year),
                s => directory.RecordSurvey(new RecordCountySurvey(survey, s.Version)));

        foreach (var c in document.Companies)
        {
            var grain = grains.GetGrain<ICompanyGrain>(GrainKeys.Company(ownerId, c.Company.Id));
            await run.Once(async () => (await grain.GetSnapshot()).Company is null,
                () => grain.Register(new RegisterCompany(c.Company, ExpectedVersion: 0)));
            foreach (var f in c.Figures)
                await run.Into(grain.GetSnapshot, s => s.Figures.All(x => x.Date != f.Date),
                    s => grain.RecordFigures(new RecordCompanyFigures(f, s.Version)));
        }

        // As the dataset loader does: plans before the facts, so the facts reach them through the live push path;
        // the insats is closed last, since a closed insats refuses plans after its closing year.
        foreach (var i in document.Insatser)
        {
            var grain = Insats(ownerId, i.Insats.Id);
            await run.Once(async () => !(await grain.GetSnapshot()).Exists,
                () => grain.Define(new DefineInsats(i.Insats with { ClosedOn = null }, ExpectedVersion: 0)));
        }
        foreach (var p in document.Plans)
        {
            var grain = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, p.InsatsId, p.Year));
            await run.Once(async () => !(await grain.GetSnapshot()).Exists,
                () => grain.Save(new SavePlan(p.Content, ExpectedVersion: 0)));
        }
        foreach (var n in document.Narratives)
        {
            var grain = Insats(ownerId, n.InsatsId);
            await run.Into(grain.GetSnapshot, s => s.Milestones.All(x => x.Id != n.Milestone.Id),
                s => grain.RecordMilestone(new RecordNarrativeMilestone(n.Milestone, s.Version)));
        }
        foreach (var e in document.Events)
        {
            var grain = Insats(ownerId, e.InsatsId);
            await run.Once(async () => !(await grain.GetEvent(e.Event.Id)).Exists,
                () => grain.SaveEvent(new RecordInformationEvent(e.Event, CreateOnly: true)));
        }
        foreach (var p in document.Placements)
        {
            var grain = Insats(ownerId, p.InsatsId);
            await run.Into(grain.GetSnapshot, async _ => (await grain.GetPlacements()).All(x => x.Id != p.Placement.Id),
                s => grain.RecordPlacement(new RecordPlacement(p.Placement, s.Version)));
        }
        foreach (var i in document.Insatser)
        {
            var grain = Insats(ownerId, i.Insats.Id);
            foreach (var t in i.StatedTotals)
                await run.Into(grain.GetSnapshot, s => s.StatedTotals.All(x => x.Id != t.Id),
                    s => grain.RecordStatedTotal(new RecordStatedTotal(t, s.Version)));
            if (i.Texts is { } texts)
                await run.Into(grain.GetSnapshot, s => s.Narrative is null, s => grain.SetNarrative(new SetInsatsNarrative(texts, s.Version)));
            if (i.Insats.ClosedOn is { } closed)
                await run.Into(grain.GetSnapshot, s => s.Insats!.ClosedOn != closed, s => grain.Close(new CloseInsats(closed, s.Version)));
        }

        if (document.DatasetLedger.Count > 0)
            await ledger.MarkApplied(document.DatasetLedger);
        await RestoreAuditAsync(document, actor, source, cancellationToken);
        await ledger.MarkApplied([done]);
        return new BackupRestoreResult(ownerId, document.Counts(), resuming);
    }

    /// <summary>The restore's own entry names the document; finding it means an interrupted run wrote the log already.</summary>
    private async Task RestoreAuditAsync(BackupDocument document, string actor, string source, CancellationToken cancellationToken)
    {
        var ownerId = document.Manifest.OwnerId;
        var action = $"Återställd från säkerhetskopia {document.Manifest.Id} (tagen {document.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC, fil {source})";
        if ((await audit.ReadOwnerAsync(ownerId, cancellationToken)).Any(e => e.EntityId == ownerId && e.Action == action))
            return;
        var restored = new AuditEntry(0, (clock ?? TimeProvider.System).GetUtcNow(), actor, "organisation", ownerId, action, null,
            null);
        await audit.ImportAsync([.. document.AuditLog, restored], cancellationToken);
    }

    /// <summary>Refuses before the first write when the owner, or any record the document would create, is here already.</summary>
    private async Task RequireEmptyAsync(BackupDocument document)
    {
        var ownerId = document.Manifest.OwnerId;
        if ((await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId)).GetSnapshot()).Exists)
            throw new BackupConflictException($"Organisationen \"{ownerId}\" finns redan i den här installationen. En säkerhetskopia återställs " +
                "bara till en installation som saknar organisationen, om inte ersättning begärs; inget har ändrats.");
        foreach (var m in document.Municipalities)
            if ((await grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(ownerId, m.Kommunkod)).GetSnapshot()).Exists)
                throw Conflict(ownerId, $"kommunen {m.Kommunkod}");
        foreach (var c in document.Companies)
            if ((await grains.GetGrain<ICompanyGrain>(GrainKeys.Company(ownerId, c.Company.Id)).GetSnapshot()).Company is not null)
                throw Conflict(ownerId, $"företaget {c.Company.Id}");
        foreach (var i in document.Insatser)
            if ((await Insats(ownerId, i.Insats.Id).GetSnapshot()).Exists)
                throw Conflict(ownerId, $"insatsen {i.Insats.Id}");
        foreach (var p in document.Plans)
            if ((await grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, p.InsatsId, p.Year)).GetSnapshot()).Exists)
                throw Conflict(ownerId, $"handlingsplanen {p.InsatsId}/{p.Year}");
    }

    private static BackupConflictException Conflict(string ownerId, string what) =>
        new($"Installationen har redan uppgifter för \"{ownerId}\" ({what}) fast organisationen saknas. Återställ till en tom installation; inget har ändrats.");

    private IInsatsGrain Insats(string ownerId, string insatsId) => grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(ownerId, insatsId));

    /// <summary>Each record is written only when missing, so a resumed restore skips what the first run wrote.</summary>
    private sealed class Run(CancellationToken cancellationToken)
    {
        public async Task Once<T>(Func<Task<bool>> missing, Func<Task<T>> create)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await missing())
                await create();
        }

        public Task Into<TSnapshot, T>(Func<Task<TSnapshot>> read, Func<TSnapshot, bool> missing, Func<TSnapshot, Task<T>> add) =>
            Into(read, s => Task.FromResult(missing(s)), add);

        public async Task Into<TSnapshot, T>(Func<Task<TSnapshot>> read, Func<TSnapshot, Task<bool>> missing, Func<TSnapshot, Task<T>> add)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var snapshot = await read();
            if (await missing(snapshot))
                await add(snapshot);
        }
    }
}
