using AsfPlatform.Contracts;

namespace AsfPlatform.Grains;

[GrainType("asf.dataset-ledger")]
public sealed class DatasetLedgerGrain([PersistentState("dataset-ledger")] IPersistentState<DatasetLedgerState> state)
    : Grain, IDatasetLedgerGrain
{
    public Task<IReadOnlyCollection<string>> GetApplied() =>
        Task.FromResult<IReadOnlyCollection<string>>(state.State.Applied.ToList());

    public async Task MarkApplied(IReadOnlyList<string> recordKeys)
    {
        var added = false;
        foreach (var key in recordKeys)
            added |= state.State.Applied.Add(key);
        if (added)
            await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
    }
}
