using AsfPlatform.Contracts;

namespace AsfPlatform.Grains;

[GrainType("asf.owners")]
public sealed class OwnerListGrain([PersistentState("owners")] IPersistentState<OwnerListState> state) : Grain, IOwnerListGrain
{
    public async Task Add(string ownerId)
    {
        var index = state.State.Owners.BinarySearch(ownerId, StringComparer.Ordinal);
        if (index >= 0) return;
        state.State.Owners.Insert(~index, ownerId);
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }

    public Task<IReadOnlyList<string>> GetOwners() => Task.FromResult<IReadOnlyList<string>>(state.State.Owners.ToList());
}
