using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

/// <summary>
/// One municipality's own facts for every owner. A change is durable before it is answered; the owner that made it
/// pushes to its plans itself, the other owners' municipality grains are told one-way and push to theirs.
/// </summary>
[GrainType("asf.municipalfacts")]
public sealed class MunicipalFactsGrain([PersistentState("municipalfacts")] IPersistentState<MunicipalFactsState> state)
    : Grain, IMunicipalFactsGrain
{
    private MunicipalFactsState S => state.State;
    private string Key => this.GetPrimaryKeyString();
    private string Code => Key[(Key.IndexOf(':') + 1)..];

    public async Task<MunicipalFacts> Join(string owner)
    {
        if (!S.Owners.Contains(owner))
        {
            S.Owners.Add(owner);
            S.Owners.Sort(StringComparer.Ordinal);
            await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        }
        return Facts();
    }

    public async Task Leave(string owner)
    {
        if (S.Owners.Remove(owner)) await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }

    public Task<MunicipalFacts> Get() => Task.FromResult(Facts());

    public async Task<MunicipalFacts> Record(MunicipalMilestone milestone, long? expectedVersion, string byOwner, AuditNote? audit = null)
    {
        FactRules.MunicipalMilestone(milestone).ThrowIfInvalid();
        GrainSupport.CheckVersion(Key, expectedVersion, S.Version);
        if (!GrainSupport.Upsert(S.Milestones, milestone, x => x.Id)) return Facts();
        GrainSupport.Note(S, audit);
        return await Commit(byOwner);
    }

    public async Task<MunicipalFacts> Remove(string milestoneId, long? expectedVersion, string byOwner, AuditNote? audit = null)
    {
        GrainSupport.CheckVersion(Key, expectedVersion, S.Version);
        if (S.Milestones.RemoveAll(x => x.Id == milestoneId) == 0) return Facts();
        GrainSupport.Note(S, audit);
        return await Commit(byOwner);
    }

    public async Task<MunicipalFacts> Adopt(IReadOnlyList<MunicipalMilestone> milestones, string byOwner)
    {
        var missing = milestones.Where(m => S.Milestones.All(x => x.Id != m.Id)).ToList();
        if (missing.Count == 0) return Facts();
        S.Milestones.AddRange(missing);
        return await Commit(byOwner);
    }

    private async Task<MunicipalFacts> Commit(string byOwner)
    {
        S.Milestones.Sort((a, b) => a.Date.CompareTo(b.Date));
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        var facts = Facts();
        foreach (var owner in S.Owners.Where(o => o != byOwner))
            _ = GrainFactory.GetGrain<IMunicipalFactsListener>(GrainKeys.Municipality(owner, Code)).FactsChanged(facts);
        return facts;
    }

    private MunicipalFacts Facts() => new(S.Milestones.ToList(), S.Version);
}
