namespace AsfPlatform.Runtime.Storage;

/// <summary>
/// The state a storage provider reads into and writes from (Orleans' <c>IGrainState&lt;T&gt;</c>).
/// </summary>
public interface IGrainState<T>
{
    /// <summary>The state object.</summary>
    T State { get; set; }

    /// <summary>Version tag of the stored record, or null.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; set; }
}

/// <summary>
/// A grain storage provider (Orleans' <c>IGrainStorage</c>). Records are keyed by grain type, key and state name.
/// Contract (checked by the conformance tests): a missing record reads as a default state with
/// <c>RecordExists = false</c> and a null ETag; a write with a null ETag inserts and fails with
/// <see cref="InconsistentStateException"/> when a record exists; a write or clear with a stale ETag fails with
/// <see cref="InconsistentStateException"/> and leaves the stored record intact; clear resets the state and
/// changes the ETag, and clearing twice is harmless.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads a state into <paramref name="grainState"/>.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Writes a state by compare-and-swap on its ETag, then sets the new ETag.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Clears a state by compare-and-swap on its ETag.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}

/// <summary>A plain <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    /// <inheritdoc />
    public T State { get; set; } = state;

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}
