using AsfPlatform.Contracts;
using AsfPlatform.Runtime;

namespace AsfPlatform.Dataset;

/// <summary>What a load did: owners loaded, commands sent, and the sum of the versions the commands returned
/// (unchanged between two loads when the second load changed nothing).</summary>
public sealed record DatasetLoadResult(IReadOnlyList<string> Owners, int Commands, long VersionSum);

/// <summary>
/// Imports the dataset through the grains — the same validation path as any office's update. Ids are stable and
/// every command is an upsert, so loading twice changes nothing and adds no duplicates.
/// </summary>
public sealed class DatasetLoader(IGrainFactory grains)
{
    private int _commands;

    public async Task<DatasetLoadResult> LoadAsync(DatasetSource? source = null, CancellationToken cancellationToken = default)
    {
        source ??= DatasetSource.Embedded;
        _commands = 0;
        _versionSum = 0;
        var owners = new List<string>();
        foreach (var ownerPath in source.Files.Where(f => f.EndsWith("/owner.json", StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owner = source.Read<OwnerFile>(ownerPath);
            await LoadOwner(source, owner);
            owners.Add(owner.Id);
        }
        return new(owners, _commands, _versionSum);
    }

    private async Task LoadOwner(DatasetSource source, OwnerFile file)
    {
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(file.Id));
        await Track(() => directory.Register(new RegisterOwner(file.Name, file.Kind)), s => s.Version);
        var shared = file.Shared ?? [];

        if (shared.Contains("municipalities.json"))
            foreach (var m in source.Read<List<MunicipalityEntry>>("municipalities.json"))
            {
                var grain = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(file.Id, m.Kommunkod));
                await Track(() => grain.Register(new RegisterMunicipality(m.Name, m.Subregion)), s => s.Version);
                foreach (var milestone in m.Milestones ?? [])
                    await Track(() => grain.RecordMilestone(new RecordMunicipalMilestone(milestone)), s => s.Version);
            }

        if (shared.Contains("surveys.json"))
            foreach (var survey in source.Read<List<Domain.Model.CountySurvey>>("surveys.json"))
                await Track(() => directory.RecordSurvey(new RecordCountySurvey(survey)), s => s.Version);

        foreach (var company in file.Companies ?? [])
            await Track(() => grains.GetGrain<ICompanyGrain>(GrainKeys.Company(file.Id, company.Id)).Register(new RegisterCompany(company)), s => s.Version);
        foreach (var f in file.CompanyFigures ?? [])
            await Track(() => grains.GetGrain<ICompanyGrain>(GrainKeys.Company(file.Id, f.CompanyId)).RecordFigures(new RecordCompanyFigures(f.Figures)), s => s.Version);

        foreach (var insatsId in file.Insatser ?? [])
            await LoadInsats(source, file.Id, insatsId);
    }

    /// <summary>Plans are saved before the facts, so the facts reach them through the live push path.</summary>
    private async Task LoadInsats(DatasetSource source, string ownerId, string insatsId)
    {
        var folder = $"{ownerId}/{insatsId}/";
        var file = source.Read<InsatsFile>(folder + "insats.json");
        var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(ownerId, insatsId));
        await Track(() => insats.Define(new DefineInsats(file.Insats)), s => s.Version);

        foreach (var planPath in source.Files.Where(f => f.StartsWith(folder + "plan-", StringComparison.Ordinal)))
        {
            var plan = source.Read<PlanFile>(planPath);
            await Track(() => grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, insatsId, plan.Year)).Save(new SavePlan(plan.Content)), s => s.Version);
        }

        foreach (var m in file.Milestones ?? []) await Track(() => insats.RecordMilestone(new RecordNarrativeMilestone(m)), s => s.Version);
        foreach (var e in file.Events ?? []) await Track(() => insats.RecordEvent(new RecordInformationEvent(e)), s => s.Version);
        foreach (var p in file.Placements ?? []) await Track(() => insats.RecordPlacement(new RecordPlacement(p)), s => s.Version);
        foreach (var t in file.StatedTotals ?? []) await Track(() => insats.RecordStatedTotal(new RecordStatedTotal(t)), s => s.Version);
    }

    private async Task Track<T>(Func<Task<T>> command, Func<T, long> version)
    {
        _commands++;
        var result = await command();
        _versionSum += version(result);
    }

    private long _versionSum;
}
