using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

[GrainType("asf.municipality")]
public sealed class MunicipalityGrain([PersistentState("municipality")] IPersistentState<MunicipalityState> state)
    : Grain, IMunicipalityGrain, IFactSourceGrain
{
    private string Owner => GrainKeys.Segments(this.GetPrimaryKeyString())[0];
    private string Code => GrainKeys.Segments(this.GetPrimaryKeyString())[1][1..];
    private MunicipalityState S => state.State;

    public async Task<MunicipalitySnapshot> Register(RegisterMunicipality command)
    {
        var m = new Municipality(Code, command.Name?.Trim() ?? "", command.Subregion ?? Kommunkod.SubregionOf(Code));
        FactRules.Municipality(m).ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (S.Name == m.Name && S.Subregion == m.Subregion) return Snapshot();
        (S.Name, S.Subregion) = (m.Name, m.Subregion);
        await Commit();
        await GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner)).Enlist(DirectoryEntryKind.Municipality, Code);
        return Snapshot();
    }

    public async Task<MunicipalitySnapshot> RecordMilestone(RecordMunicipalMilestone command)
    {
        RequireRegistered();
        FactRules.MunicipalMilestone(command.Milestone).ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (!GrainSupport.Upsert(S.Milestones, command.Milestone, x => x.Id)) return Snapshot();
        S.Milestones.Sort((a, b) => a.Date.CompareTo(b.Date));
        await Commit();
        return Snapshot();
    }

    public async Task<MunicipalitySnapshot> RemoveMilestone(string milestoneId, long? expectedVersion = null)
    {
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, S.Version);
        if (S.Milestones.RemoveAll(x => x.Id == milestoneId) == 0) return Snapshot();
        await Commit();
        return Snapshot();
    }

    public Task<MunicipalitySnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<IReadOnlyList<Observation>> GetObservations() => Task.FromResult(Observe());

    private IReadOnlyList<Observation> Observe() =>
        S.Name is null ? [] : Observations.FromMunicipality(new(Code, S.Name, S.Subregion), S.Milestones);

    /// <summary>Stores, then pushes this municipality's observations to the plans that count municipalities.</summary>
    private async Task Commit()
    {
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        var plans = await GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner)).GetSubscribers(MetricSource.Municipality);
        await GrainSupport.Push(GrainFactory, plans, new([Observations.MunicipalitySource(Code)], Observe()));
    }

    private void RequireRegistered()
    {
        if (S.Name is null) GrainSupport.Reject("kommunkod", $"Kommunen {Code} är inte registrerad.");
    }

    private MunicipalitySnapshot Snapshot() => new(Owner, Code, S.Name, S.Subregion, S.Milestones.ToList(), S.Version);
}
