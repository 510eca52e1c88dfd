using AsfPlatform.Contracts;
using Orleans;

namespace AsfPlatform.Dataset;

/// <summary>What a load did: owners loaded, dataset records considered, and how many of them were applied (0 when the
/// dataset was already loaded).</summary>
public sealed record DatasetLoadResult(IReadOnlyList<string> Owners, int Commands, int Changes);

/// <summary>
/// Applies the dataset through the grains — the same validation path as any office's update — record by record, and
/// only where it is missing: a record the owner's ledger (<see cref="IDatasetLedgerGrain"/>) names as applied is
/// never sent again, and a record that already exists is noted, not overwritten. So any start of any host leaves
/// users' edits and removals alone, and a newer dataset version adds its new records once.
/// </summary>
/// <remarks>
/// Two hosts starting at once may both find a record missing; each create names the version it saw (or asks for a
/// new id only), so the second is refused and finds the record present on its next look.
/// </remarks>
public sealed class DatasetLoader(IGrainFactory grains)
{
    private int _considered, _applied;

    public async Task<DatasetLoadResult> LoadAsync(DatasetSource? source = null, CancellationToken cancellationToken = default)
    {
        source ??= DatasetSource.Embedded;
        _considered = _applied = 0;
        var owners = new List<string>();
        foreach (var ownerPath in source.Files.Where(f => f.EndsWith("/owner.json", StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owner = source.Read<OwnerFile>(ownerPath);
            var ledger = grains.GetGrain<IDatasetLedgerGrain>(GrainKeys.DatasetLedger(owner.Id));
            var records = new OwnerRecords(this, ledger, (await ledger.GetApplied()).ToHashSet(StringComparer.Ordinal));
            await LoadOwner(source, owner, records);
            await ledger.MarkApplied(records.Noted);
            owners.Add(owner.Id);
        }
        return new(owners, _considered, _applied);
    }

    private async Task LoadOwner(DatasetSource source, OwnerFile file, OwnerRecords records)
    {
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(file.Id));
        await records.Apply("owner", async () => (await directory.GetSnapshot()).Exists,
            () => directory.Register(new RegisterOwner(file.Name, file.Kind, ExpectedVersion: 0, Subregions: file.Subregions)));
        // Each subregion is a record of its own, so an owner registered before subregions were named gets them once,
        // under the name and kind it has now (registering also lists the owner among the installation's owners).
        foreach (var subregion in file.Subregions ?? [])
            await records.ApplyInto($"subregion/{subregion.Id}", directory.GetSnapshot,
                s => (s.Subregions ?? []).Any(x => x.Id == subregion.Id),
                s => directory.Register(new RegisterOwner(s.Name!, s.Kind!.Value, s.Version, [subregion])));
        var shared = file.Shared ?? [];

        if (shared.Contains("municipalities.json"))
            foreach (var m in source.Read<List<MunicipalityEntry>>("municipalities.json"))
            {
                var grain = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(file.Id, m.Kommunkod));
                await records.Apply($"municipality/{m.Kommunkod}", async () => (await grain.GetSnapshot()).Exists,
                    () => grain.Register(new RegisterMunicipality(m.Name, m.Subregion, ExpectedVersion: 0)));
                foreach (var milestone in m.Milestones ?? [])
                    await records.ApplyInto($"municipality/{m.Kommunkod}/milestone/{milestone.Id}", grain.GetSnapshot,
                        s => s.Milestones.Any(x => x.Id == milestone.Id),
                        s => grain.RecordMilestone(new RecordMunicipalMilestone(milestone, s.Version)));
            }

        if (shared.Contains("surveys.json"))
            foreach (var survey in source.Read<List<Domain.Model.CountySurvey>>("surveys.json"))
                await records.ApplyInto($"survey/{survey.Year}", directory.GetSnapshot, s => s.SurveyYears.Contains(survey.Year),
                    s => directory.RecordSurvey(new RecordCountySurvey(survey, s.Version)));

        foreach (var company in file.Companies ?? [])
        {
            var grain = grains.GetGrain<ICompanyGrain>(GrainKeys.Company(file.Id, company.Id));
            await records.Apply($"company/{company.Id}", async () => (await grain.GetSnapshot()).Company is not null,
                () => grain.Register(new RegisterCompany(company, ExpectedVersion: 0)));
        }
        foreach (var f in file.CompanyFigures ?? [])
        {
            var grain = grains.GetGrain<ICompanyGrain>(GrainKeys.Company(file.Id, f.CompanyId));
            await records.ApplyInto($"company/{f.CompanyId}/figures/{f.Figures.Date:yyyy-MM-dd}", grain.GetSnapshot,
                s => s.Figures.Any(x => x.Date == f.Figures.Date),
                s => grain.RecordFigures(new RecordCompanyFigures(f.Figures, s.Version)));
        }

        foreach (var insatsId in file.Insatser ?? [])
            await LoadInsats(source, file.Id, insatsId, records);
    }

    /// <summary>Plans are saved before the facts, so the facts reach them through the live push path.</summary>
    private async Task LoadInsats(DatasetSource source, string ownerId, string insatsId, OwnerRecords records)
    {
        var folder = $"{ownerId}/{insatsId}/";
        var file = source.Read<InsatsFile>(folder + "insats.json");
        var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(ownerId, insatsId));
        var prefix = $"insats/{insatsId}";
        await records.Apply(prefix, async () => (await insats.GetSnapshot()).Exists,
            () => insats.Define(new DefineInsats(file.Insats, ExpectedVersion: 0)));

        foreach (var planPath in source.Files.Where(f => f.StartsWith(folder + "plan-", StringComparison.Ordinal)))
        {
            var plan = source.Read<PlanFile>(planPath);
            var grain = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, insatsId, plan.Year));
            await records.Apply($"{prefix}/plan/{plan.Year}", async () => (await grain.GetSnapshot()).Exists,
                () => grain.Save(new SavePlan(plan.Content, ExpectedVersion: 0)));
        }

        if (file.Narrative is { } narrative)
            await records.ApplyInto($"{prefix}/narrative", insats.GetSnapshot, s => s.Narrative is not null,
                s => insats.SetNarrative(new SetInsatsNarrative(narrative, s.Version)));
        foreach (var m in file.Milestones ?? [])
            await records.ApplyInto($"{prefix}/milestone/{m.Id}", insats.GetSnapshot, s => s.Milestones.Any(x => x.Id == m.Id),
                s => insats.RecordMilestone(new RecordNarrativeMilestone(m, s.Version)));
        foreach (var e in file.Events ?? [])
            await records.Apply($"{prefix}/event/{e.Id}", async () => (await insats.GetEvent(e.Id)).Exists,
                () => insats.SaveEvent(new RecordInformationEvent(e, CreateOnly: true)));
        var placements = file.Placements ?? [];
        foreach (var p in placements)
            await records.ApplyInto($"{prefix}/placement/{p.Id}", insats.GetSnapshot,
                async _ => (await insats.GetPlacements()).Any(x => x.Id == p.Id),
                s => insats.RecordPlacement(new RecordPlacement(p, s.Version)));
        foreach (var t in file.StatedTotals ?? [])
            await records.ApplyInto($"{prefix}/total/{t.Id}", insats.GetSnapshot, s => s.StatedTotals.Any(x => x.Id == t.Id),
                s => insats.RecordStatedTotal(new RecordStatedTotal(t, s.Version)));
    }

    /// <summary>The records of one owner: what its ledger holds, and what this load noted as applied or present.</summary>
    private sealed class OwnerRecords(DatasetLoader loader, IDatasetLedgerGrain ledger, HashSet<string> applied)
    {
        // A create refused because another host got there first is looked at again; a few rounds settle any race.
        private const int Attempts = 20;

        public List<string> Noted { get; } = [];

        /// <summary>A record that is a grain of its own: created with expected version 0, so never over another.</summary>
        public Task Apply<T>(string key, Func<Task<bool>> exists, Func<Task<T>> create) =>
            Run(key, async () => await exists() ? false : await Created(create));

        /// <summary>A record inside a grain (a milestone of a municipality …): added at the version the check saw.</summary>
        public Task ApplyInto<TSnapshot, T>(string key, Func<Task<TSnapshot>> read, Func<TSnapshot, bool> exists,
            Func<TSnapshot, Task<T>> add) =>
            ApplyInto(key, read, s => Task.FromResult(exists(s)), add);

        public Task ApplyInto<TSnapshot, T>(string key, Func<Task<TSnapshot>> read, Func<TSnapshot, Task<bool>> exists,
            Func<TSnapshot, Task<T>> add) =>
            Run(key, async () =>
            {
                var snapshot = await read();
                return !await exists(snapshot) && await Created(() => add(snapshot));
            });

        private async Task Run(string key, Func<Task<bool>> attempt)
        {
            loader._considered++;
            if (applied.Contains(key))
                return;
            for (var round = 1; ; round++)
            {
                bool done;
                try
                {
                    done = await attempt();
                }
                catch (AlreadyExistsException)
                {
                    // A create-only refused: another load created it, perhaps not yet readable (an event is committed
                    // with its month's next write). It is present either way.
                    done = false;
                }
                catch (ConcurrencyConflictException) when (round < Attempts)
                {
                    continue;
                }
                if (done)
                    loader._applied++;
                break;
            }
            applied.Add(key);
            Noted.Add(key);
            // Noting in batches keeps a long first load from losing all its notes to one failure late in it.
            if (Noted.Count % 64 == 0)
                await ledger.MarkApplied(Noted);
        }

        private static async Task<bool> Created<T>(Func<Task<T>> create)
        {
            await create();
            return true;
        }
    }
}
