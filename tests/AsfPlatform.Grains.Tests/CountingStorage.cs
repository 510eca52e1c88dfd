using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;

namespace AsfPlatform.Grains.Tests;

/// <summary>
/// Grain storage in a dictionary of its own that records each write's grain and size. The instance lives outside any
/// cluster, so a new cluster given the same instance sees what the last one stored (a restart). States are kept as
/// JSON (as the platform's ADO.NET storage keeps them), so a read never shares objects with an activation, and ETags
/// are checked as a real storage checks them.
/// </summary>
public class CountingStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (string Json, string ETag)> _rows = new();
    private long _etags;

    public ConcurrentQueue<(GrainId Grain, int Bytes)> Writes { get; } = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Json)!;
            (grainState.ETag, grainState.RecordExists) = (row.ETag, true);
        }
        else
        {
            (grainState.ETag, grainState.RecordExists) = (null, false);
        }

        return Task.CompletedTask;
    }

    // Serializes before returning, as the platform's storage takes its copy when the write is asked for.
    public virtual Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var json = JsonSerializer.Serialize(grainState.State);
        Writes.Enqueue((grainId, json.Length));
        Store((stateName, grainId), grainState, json);
        return Task.CompletedTask;
    }

    /// <summary>What is stored for the grain (null: nothing), read as <typeparamref name="T"/>.</summary>
    public T? Stored<T>(string stateName, GrainId grainId) where T : class =>
        _rows.TryGetValue((stateName, grainId), out var row) ? JsonSerializer.Deserialize<T>(row.Json) : null;

    /// <summary>Stores <paramref name="state"/> as it is, as an earlier version of the platform might have (no cluster
    /// may hold the grain active).</summary>
    public void Put<T>(string stateName, GrainId grainId, T state)
    {
        var etag = Interlocked.Increment(ref _etags).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _rows[(stateName, grainId)] = (JsonSerializer.Serialize(state), etag);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store((stateName, grainId), grainState, json: null);
        return Task.CompletedTask;
    }

    private void Store<T>((string, GrainId) key, IGrainState<T> grainState, string? json)
    {
        lock (_rows)
        {
            var stored = _rows.TryGetValue(key, out var row) ? row.ETag : null;
            if (stored != grainState.ETag)
                throw new InconsistentStateException($"ETag {grainState.ETag} is stale; the stored one is {stored}.", stored, grainState.ETag);
            if (json is null)
            {
                _rows.TryRemove(key, out _);
                (grainState.ETag, grainState.RecordExists) = (null, false);
                return;
            }

            var etag = Interlocked.Increment(ref _etags).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _rows[key] = (json, etag);
            (grainState.ETag, grainState.RecordExists) = (etag, true);
        }
    }
}
