using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

[GrainType("asf.owner")]
public sealed class OwnerDirectoryGrain([PersistentState("owner")] IPersistentState<OwnerDirectoryState> state)
    : Grain, IOwnerDirectoryGrain, IOwnerRegistryGrain
{
    private string Owner => GrainKeys.Segments(this.GetPrimaryKeyString())[0];
    private OwnerDirectoryState S => state.State;

    public async Task<OwnerSnapshot> Register(RegisterOwner command)
    {
        FactRules.Owner(new Owner(Owner, command.Name, command.Kind)).ThrowIfInvalid();
        var seeds = (command.Subregions ?? []).Where(s => S.Subregions.All(own => own.Id != s.Id)).ToList();
        OwnerRules.Profile(new OwnerProfile(command.Name, command.Kind, null, S.Subregions.Concat(seeds).ToList(), [])).ThrowIfInvalid();
        GrainSupport.CheckVersion(Owner, command.ExpectedVersion, S.Version);
        if (S.Name == command.Name && S.Kind == command.Kind && seeds.Count == 0)
        {
            await ListSelf(); // owners registered before the owner list existed join it on the dataset's next load
            return Snapshot();
        }
        (S.Name, S.Kind) = (command.Name, command.Kind);
        S.Subregions.AddRange(seeds);
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        await ListSelf();
        return Snapshot();
    }

    public async Task<OwnerSnapshot> SaveProfile(SaveOwnerProfile command)
    {
        var p = command.Profile with
        {
            Name = command.Profile.Name?.Trim() ?? "",
            OrganisationNumber = string.IsNullOrWhiteSpace(command.Profile.OrganisationNumber) ? null : command.Profile.OrganisationNumber.Trim(),
            Subregions = command.Profile.Subregions ?? [],
            Partners = command.Profile.Partners ?? [],
        };
        OwnerRules.Profile(p).ThrowIfInvalid();
        new Validator().Id("id", Owner).ThrowIfInvalid();
        if (command.CreateOnly && S.Name is not null)
            throw new AlreadyExistsException($"Organisationen '{Owner}'");
        if (!command.CreateOnly) RequireRegistered();
        GrainSupport.CheckVersion(Owner, command.ExpectedVersion, S.Version);
        var number = p.OrganisationNumber is null ? null : OrganisationNumber.Normalize(p.OrganisationNumber);
        if (S.Name == p.Name && S.Kind == p.Kind && S.OrganisationNumber == number && GrainSupport.Same(S.Subregions, p.Subregions.ToList())
            && GrainSupport.Same(S.Partners, p.Partners.ToList()))
            return Snapshot();
        (S.Name, S.Kind, S.OrganisationNumber) = (p.Name, p.Kind, number);
        S.Subregions = p.Subregions.ToList();
        S.Partners = p.Partners.ToList();
        S.Version++;
        GrainSupport.Note(S, command.Audit);
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        await ListSelf();
        return Snapshot();
    }

    public Task<OwnerSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task<OwnerSnapshot> RecordSurvey(RecordCountySurvey command)
    {
        RequireRegistered();
        FactRules.Survey(command.Survey).ThrowIfInvalid();
        foreach (var count in command.Survey.CompaniesBySubregion.Where(c => S.Subregions.All(s => s.Id != c.Subregion)))
            GrainSupport.Reject("foretagPerDelregion", $"Delregionen '{count.Subregion}' finns inte hos {S.Name}.");
        GrainSupport.CheckVersion(Owner, command.ExpectedVersion, S.Version);
        if (!GrainSupport.Upsert(S.Surveys, command.Survey, s => s.Year.ToString())) return Snapshot();
        S.Surveys.Sort((a, b) => a.Year.CompareTo(b.Year));
        S.Version++;
        GrainSupport.Note(S, command.Audit);
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        var update = new ObservationUpdate([Observations.SurveySource(command.Survey.Year)], Observations.FromSurvey(command.Survey));
        await GrainSupport.Push(GrainFactory, SubscribersOf(MetricSource.Survey), update);
        return Snapshot();
    }

    public Task<IReadOnlyList<SurveySnapshot>> GetSurveys() =>
        Task.FromResult<IReadOnlyList<SurveySnapshot>>(S.Surveys.Select(s => new SurveySnapshot(s, DataQuality.Check(s))).ToList());

    public async Task<IReadOnlyList<MunicipalitySnapshot>> GetMunicipalities() =>
        await Task.WhenAll(S.Municipalities.Select(c => GrainFactory.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(Owner, c)).GetSnapshot()));

    public async Task<IReadOnlyList<CompanySnapshot>> GetCompanies() =>
        await Task.WhenAll(S.Companies.Select(c => GrainFactory.GetGrain<ICompanyGrain>(GrainKeys.Company(Owner, c)).GetSnapshot()));

    public async Task<IReadOnlyList<DataQualityFinding>> GetDataQualityFindings(string? insatsId = null)
    {
        var findings = S.Surveys.SelectMany(DataQuality.Check).ToList();
        var surveyObservations = S.Surveys.SelectMany(Observations.FromSurvey).ToList();
        foreach (var id in S.Insatser.Where(i => insatsId is null || i == insatsId))
        {
            var inputs = await GrainFactory.GetGrain<IInsatsFactsGrain>(GrainKeys.Insats(Owner, id)).GetQualityInputs();
            var observations = inputs.Observations.Concat(surveyObservations).ToList();
            findings.AddRange(DataQuality.Check(inputs.Stated, observations).Select(f => f with { Id = $"{id}/{f.Id}" }));
            // Outcomes by sex against participants by sex, and the totals the insats' own texts state.
            var insats = GrainFactory.GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, id));
            var placements = await insats.GetPlacements();
            var snapshot = await insats.GetSnapshot();
            findings.AddRange(DataQuality.CheckOutcomesBySex(placements)
                .Concat(DataQuality.CheckNarrative(snapshot.Narrative, placements.ToList(), snapshot.Insats?.PeriodEnd ?? DateOnly.MaxValue))
                .Select(f => f with { Id = $"{id}/{f.Id}" }));
        }
        return findings;
    }

    public async Task Enlist(DirectoryEntryKind kind, string id)
    {
        var list = ListOf(kind);
        if (list.Contains(id)) return;
        list.Add(id);
        list.Sort(StringComparer.Ordinal);
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }

    public async Task Place(string kommunkod, string? subregion)
    {
        var placed = subregion is null ? !S.Placements.ContainsKey(kommunkod) : S.Placements.GetValueOrDefault(kommunkod) == subregion;
        if (placed && S.Municipalities.Contains(kommunkod)) return;
        if (subregion is null) S.Placements.Remove(kommunkod);
        else S.Placements[kommunkod] = subregion;
        if (!S.Municipalities.Contains(kommunkod))
        {
            S.Municipalities.Add(kommunkod);
            S.Municipalities.Sort(StringComparer.Ordinal);
        }
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }

    public Task<Dictionary<string, string>> GetPlacements() => Task.FromResult(new Dictionary<string, string>(S.Placements));

    public async Task Delist(DirectoryEntryKind kind, string id)
    {
        if (kind == DirectoryEntryKind.Municipality) S.Placements.Remove(id);
        if (!ListOf(kind).Remove(id)) return;
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }

    private List<string> ListOf(DirectoryEntryKind kind) => kind switch
    {
        DirectoryEntryKind.Municipality => S.Municipalities,
        DirectoryEntryKind.Company => S.Companies,
        DirectoryEntryKind.Insats => S.Insatser,
        _ => S.Plans,
    };

    public async Task Subscribe(string planKey, IReadOnlyList<MetricSource> sources)
    {
        if (S.Subscriptions.TryGetValue(planKey, out var current) && current.SequenceEqual(sources)) return;
        S.Subscriptions[planKey] = sources.ToList();
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }

    public Task<IReadOnlyList<string>> GetSubscribers(MetricSource source) => Task.FromResult(SubscribersOf(source));

    public Task<IReadOnlyList<Observation>> GetSurveyObservations() =>
        Task.FromResult<IReadOnlyList<Observation>>(S.Surveys.SelectMany(Observations.FromSurvey).ToList());

    private IReadOnlyList<string> SubscribersOf(MetricSource source) =>
        S.Subscriptions.Where(kv => kv.Value.Contains(source)).Select(kv => kv.Key).ToList();

    private void RequireRegistered()
    {
        if (S.Name is null) GrainSupport.Reject("agare", $"Ägaren '{Owner}' är inte registrerad.");
    }

    private Task ListSelf() => GrainFactory.GetGrain<IOwnerListGrain>(GrainKeys.OwnerList).Add(Owner);

    private OwnerSnapshot Snapshot() => new(Owner, S.Name, S.Kind, S.Municipalities.ToList(), S.Companies.ToList(),
        S.Insatser.ToList(), S.Plans.ToList(), S.Surveys.Select(s => s.Year).ToList(), S.Version,
        S.OrganisationNumber, S.Subregions.ToList(), S.Partners.ToList());
}
