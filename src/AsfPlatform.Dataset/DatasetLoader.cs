using AsfPlatform.Contracts;
using Orleans;

namespace AsfPlatform.Dataset;

/// <summary>What a load did: owners loaded, commands sent, and how many of them changed something (0 when the
/// dataset was already loaded).</summary>
public sealed record DatasetLoadResult(IReadOnlyList<string> Owners, int Commands, int Changes);

/// <summary>
/// Imports the dataset through the grains — the same validation path as any office's update. Ids are stable and
/// every command is an upsert, so loading twice changes nothing and adds no duplicates.
/// </summary>
public sealed class DatasetLoader(IGrainFactory grains)
{
    private int _commands, _changes;
    private readonly Dictionary<string, long> _versions = [];

    public async Task<DatasetLoadResult> LoadAsync(DatasetSource? source = null, CancellationToken cancellationToken = default)
    {
        source ??= DatasetSource.Embedded;
        _commands = _changes = 0;
        _versions.Clear();
        var owners = new List<string>();
        foreach (var ownerPath in source.Files.Where(f => f.EndsWith("/owner.json", StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owner = source.Read<OwnerFile>(ownerPath);
            await LoadOwner(source, owner);
            owners.Add(owner.Id);
        }
        return new(owners, _commands, _changes);
    }

    private async Task LoadOwner(DatasetSource source, OwnerFile file)
    {
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(file.Id));
        await Track(file.Id, directory.GetSnapshot, () => directory.Register(new RegisterOwner(file.Name, file.Kind, Subregions: file.Subregions)), s => s.Version);
        var shared = file.Shared ?? [];

        if (shared.Contains("municipalities.json"))
            foreach (var m in source.Read<List<MunicipalityEntry>>("municipalities.json"))
            {
                var grain = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(file.Id, m.Kommunkod));
                await Track(GrainKeys.Municipality(file.Id, m.Kommunkod), grain.GetSnapshot, () => grain.Register(new RegisterMunicipality(m.Name, m.Subregion)), s => s.Version);
                foreach (var milestone in m.Milestones ?? [])
                    await Track(GrainKeys.Municipality(file.Id, m.Kommunkod), grain.GetSnapshot, () => grain.RecordMilestone(new RecordMunicipalMilestone(milestone)), s => s.Version);
            }

        if (shared.Contains("surveys.json"))
            foreach (var survey in source.Read<List<Domain.Model.CountySurvey>>("surveys.json"))
                await Track(file.Id, directory.GetSnapshot, () => directory.RecordSurvey(new RecordCountySurvey(survey)), s => s.Version);

        foreach (var company in file.Companies ?? [])
        {
            var grain = grains.GetGrain<ICompanyGrain>(GrainKeys.Company(file.Id, company.Id));
            await Track(GrainKeys.Company(file.Id, company.Id), grain.GetSnapshot, () => grain.Register(new RegisterCompany(company)), s => s.Version);
        }
        foreach (var f in file.CompanyFigures ?? [])
        {
            var grain = grains.GetGrain<ICompanyGrain>(GrainKeys.Company(file.Id, f.CompanyId));
            await Track(GrainKeys.Company(file.Id, f.CompanyId), grain.GetSnapshot, () => grain.RecordFigures(new RecordCompanyFigures(f.Figures)), s => s.Version);
        }

        foreach (var insatsId in file.Insatser ?? [])
            await LoadInsats(source, file.Id, insatsId);
    }

    /// <summary>Plans are saved before the facts, so the facts reach them through the live push path.</summary>
    private async Task LoadInsats(DatasetSource source, string ownerId, string insatsId)
    {
        var folder = $"{ownerId}/{insatsId}/";
        var file = source.Read<InsatsFile>(folder + "insats.json");
        var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(ownerId, insatsId));
        var key = folder;
        await Track(key, insats.GetSnapshot, () => insats.Define(new DefineInsats(file.Insats)), s => s.Version);

        foreach (var planPath in source.Files.Where(f => f.StartsWith(folder + "plan-", StringComparison.Ordinal)))
        {
            var plan = source.Read<PlanFile>(planPath);
            var grain = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, insatsId, plan.Year));
            await Track(planPath, grain.GetSnapshot, () => grain.Save(new SavePlan(plan.Content)), s => s.Version);
        }

        foreach (var m in file.Milestones ?? []) await Track(key, insats.GetSnapshot, () => insats.RecordMilestone(new RecordNarrativeMilestone(m)), s => s.Version);
        foreach (var e in file.Events ?? []) await Track(key, insats.GetSnapshot, () => insats.RecordEvent(new RecordInformationEvent(e)), s => s.Version);
        foreach (var p in file.Placements ?? []) await Track(key, insats.GetSnapshot, () => insats.RecordPlacement(new RecordPlacement(p)), s => s.Version);
        foreach (var t in file.StatedTotals ?? []) await Track(key, insats.GetSnapshot, () => insats.RecordStatedTotal(new RecordStatedTotal(t)), s => s.Version);
    }

    /// <summary>Sends a command and counts it as a change when the grain's version moved.</summary>
    private async Task Track<T>(string key, Func<Task<T>> read, Func<Task<T>> command, Func<T, long> version)
    {
        _commands++;
        if (!_versions.TryGetValue(key, out var before)) before = version(await read());
        var after = version(await command());
        if (after != before) _changes++;
        _versions[key] = after;
    }
}
