using System.Globalization;
using System.Text.Json;

namespace AsfPlatform.Runtime.Storage;

/// <summary>
/// Grain storage in process memory (Orleans' <c>MemoryGrainStorage</c>), for tests and development. It keeps the
/// same contract as the database storage: state is serialized with System.Text.Json (no type names), so a grain
/// never shares an object with storage, and ETags are enforced exactly as <see cref="IGrainStorage"/> describes.
/// One instance can be shared by several hosts to act as their common database.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.General);
    private readonly Dictionary<(string Type, string Key, string State), StoredRecord> _records = [];
    private readonly Lock _sync = new();
    private long _version;

    /// <summary>Number of stored records that hold a state (cleared ones excluded).</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _records.Values.Count(r => r.Json is not null);
            }
        }
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        StoredRecord? record;
        lock (_sync)
        {
            _records.TryGetValue(Key(stateName, grainId), out record);
        }

        grainState.State = record?.Json is { } json ? JsonSerializer.Deserialize<T>(json, SerializerOptions)! : Activator.CreateInstance<T>();
        grainState.ETag = record?.ETag;
        grainState.RecordExists = record?.Json is not null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(grainState.State, SerializerOptions);
        var key = Key(stateName, grainId);
        lock (_sync)
        {
            Check("write", key, grainId, grainState.ETag);
            var etag = NextETag();
            _records[key] = new StoredRecord(json, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        lock (_sync)
        {
            Check("clear", key, grainId, grainState.ETag);
            if (_records.ContainsKey(key))
            {
                // A cleared record keeps a version, so a writer holding the pre-clear ETag still loses.
                var etag = NextETag();
                _records[key] = new StoredRecord(null, etag);
                grainState.ETag = etag;
            }

            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private void Check(string operation, (string, string, string) key, GrainId grainId, string? etag)
    {
        var stored = _records.GetValueOrDefault(key)?.ETag;
        if (stored != etag)
        {
            throw new InconsistentStateException(
                $"Stale ETag on {operation} of state '{key.Item3}' of grain {grainId}: stored {stored ?? "(none)"}, " +
                $"given {etag ?? "(none)"}.", stored, etag);
        }
    }

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);

    private static (string, string, string) Key(string stateName, GrainId grainId) => (grainId.Type, grainId.Key, stateName);

    private sealed record StoredRecord(byte[]? Json, string ETag);
}
