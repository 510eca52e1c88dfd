using System.Collections.Concurrent;
using System.Text.Json;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Grains.Tests;

/// <summary>In-memory storage that records each write's grain and size; kept across hosts to simulate a restart.</summary>
internal sealed class CountingStorage : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();

    public ConcurrentQueue<(GrainId Grain, int Bytes)> Writes { get; } = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Writes.Enqueue((grainId, JsonSerializer.Serialize(grainState.State).Length));
        return _inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ClearStateAsync(stateName, grainId, grainState);
}
