using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

/// <summary>
/// A municipality as one owner works with it: its place in the owner's subregions, and the municipality's own facts,
/// which are held once for every owner (<see cref="IMunicipalFactsGrain"/>). The version an owner sees is the sum of
/// its placement's version and the facts' version, so a change of either changes the ETag.
/// </summary>
[GrainType("asf.municipality")]
public sealed class MunicipalityGrain([PersistentState("municipality")] IPersistentState<MunicipalityState> state)
    : Grain, IMunicipalityGrain, IFactSourceGrain, IMunicipalFactsListener
{
    private string Key => this.GetPrimaryKeyString();
    private string Owner => GrainKeys.Segments(Key)[0];
    private string Code => GrainKeys.Segments(Key)[1][1..];
    private MunicipalityState S => state.State;
    private IMunicipalFactsGrain Facts => GrainFactory.GetGrain<IMunicipalFactsGrain>(GrainKeys.MunicipalFacts(Code));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.SchemaVersion < 2)
        {
            // Schema 1 kept each owner's own copy of the milestones; they become the municipality's, once for all.
            if (S.Milestones.Count > 0) await Facts.Adopt(S.Milestones.ToList(), Owner);
            S.Milestones.Clear();
            S.SchemaVersion = 2;
            if (state.RecordExists) await state.WriteStateAsync(cancellationToken);
        }
        if (S.Name is not null) await Facts.Join(Owner);
    }

    public async Task<MunicipalitySnapshot> Register(RegisterMunicipality command)
    {
        var m = new Municipality(Code, command.Name?.Trim() ?? "", command.Subregion ?? Kommunkod.SubregionOf(Code));
        FactRules.Municipality(m).ThrowIfInvalid();
        var facts = await Facts.Get();
        // Expected version 0 means "add": allowed when the owner does not have the municipality (again) now.
        if (command.ExpectedVersion == 0 && S.Name is null) { }
        else GrainSupport.CheckVersion(Key, command.ExpectedVersion, Version(facts));
        if (S.Name == m.Name && S.Subregion == m.Subregion) return Snapshot(facts);
        var added = S.Name is null;
        (S.Name, S.Subregion) = (m.Name, m.Subregion);
        S.Version++;
        GrainSupport.Note(S, command.Audit);
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        if (added) facts = await Facts.Join(Owner);
        await Registry.Place(Code, S.Subregion);
        await PushToPlans(facts);
        return Snapshot(facts);
    }

    public async Task<MunicipalitySnapshot> Remove(long expectedVersion, AuditNote? audit = null)
    {
        RequireRegistered();
        var facts = await Facts.Get();
        GrainSupport.CheckVersion(Key, expectedVersion, Version(facts));
        (S.Name, S.Subregion) = (null, null);
        S.Version++;
        GrainSupport.Note(S, audit);
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        await Facts.Leave(Owner);
        await Registry.Delist(DirectoryEntryKind.Municipality, Code);
        await PushToPlans(facts); // no observations now: the plans drop the municipality's
        return Snapshot(facts);
    }

    public async Task<MunicipalitySnapshot> RecordMilestone(RecordMunicipalMilestone command)
    {
        RequireRegistered();
        FactRules.MunicipalMilestone(command.Milestone).ThrowIfInvalid();
        var facts = await ChangeFacts(command.ExpectedVersion, v => Facts.Record(command.Milestone, v, Owner, command.Audit));
        return Snapshot(facts);
    }

    public async Task<MunicipalitySnapshot> RemoveMilestone(string milestoneId, long? expectedVersion = null, AuditNote? audit = null)
    {
        var facts = await ChangeFacts(expectedVersion, v => Facts.Remove(milestoneId, v, Owner, audit));
        return Snapshot(facts);
    }

    public async Task<MunicipalitySnapshot> GetSnapshot() => Snapshot(await Facts.Get());

    public async Task<IReadOnlyList<Observation>> GetObservations() => Observe(await Facts.Get());

    public async Task FactsChanged(MunicipalFacts facts)
    {
        if (S.Name is not null) await PushToPlans(facts);
    }

    /// <summary>
    /// Checks the caller's version against this owner's view (placement + facts), then changes the facts expecting the
    /// facts' version just read, so a change made meanwhile through another owner is refused, not overwritten.
    /// </summary>
    private async Task<MunicipalFacts> ChangeFacts(long? expectedVersion, Func<long?, Task<MunicipalFacts>> change)
    {
        var before = await Facts.Get();
        GrainSupport.CheckVersion(Key, expectedVersion, Version(before));
        MunicipalFacts after;
        try
        {
            after = await change(expectedVersion is null ? null : before.Version);
        }
        catch (ConcurrencyConflictException conflict)
        {
            throw new ConcurrencyConflictException(Key, expectedVersion ?? 0, S.Version + conflict.CurrentVersion);
        }
        if (after.Version != before.Version) await PushToPlans(after);
        return after;
    }

    private IOwnerRegistryGrain Registry => GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner));

    private IReadOnlyList<Observation> Observe(MunicipalFacts facts) =>
        S.Name is null ? [] : Observations.FromMunicipality(new(Code, S.Name, S.Subregion), facts.Milestones);

    /// <summary>Pushes this owner's view of the municipality to the owner's plans that count municipalities.</summary>
    private async Task PushToPlans(MunicipalFacts facts)
    {
        var plans = await Registry.GetSubscribers(MetricSource.Municipality);
        await GrainSupport.Push(GrainFactory, plans, new([Observations.MunicipalitySource(Code)], Observe(facts)));
    }

    private long Version(MunicipalFacts facts) => S.Version + facts.Version;

    private void RequireRegistered()
    {
        if (S.Name is null) GrainSupport.Reject("kommunkod", $"Kommunen {Code} är inte registrerad.");
    }

    private MunicipalitySnapshot Snapshot(MunicipalFacts facts) => new(Owner, Code, S.Name, S.Subregion, facts.Milestones, Version(facts));
}
