using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace AsfPlatform.Composition.Orleans;

/// <summary>
/// Hands the storage a deep copy of the state, taken when the write is asked for. Orleans' ADO.NET storage serializes
/// the state after its first await, on a thread-pool thread, while the plan, insats and event-log grains go on
/// changing it in interleaved turns (group commit); without the copy a write could read a list while it changes.
/// The copy is Orleans' generated deep copier (immutable records are shared, lists copied), so it is cheap.
/// </summary>
public sealed class SnapshotGrainStorage(IGrainStorage inner, DeepCopier copier) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var copy = new GrainState<T>(copier.Copy(grainState.State), grainState.ETag) { RecordExists = grainState.RecordExists };
        await inner.WriteStateAsync(stateName, grainId, copy);
        (grainState.ETag, grainState.RecordExists) = (copy.ETag, copy.RecordExists);
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var copy = new GrainState<T>(copier.Copy(grainState.State), grainState.ETag) { RecordExists = grainState.RecordExists };
        await inner.ClearStateAsync(stateName, grainId, copy);
        (grainState.ETag, grainState.RecordExists) = (copy.ETag, copy.RecordExists);
    }
}
