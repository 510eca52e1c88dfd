namespace AsfPlatform.Runtime;

/// <summary>
/// A grain's durable state, like Orleans' <c>IPersistentState&lt;T&gt;</c>. Operations are queued per state, so two
/// writes never overlap. A write with a stale <see cref="Etag"/> throws <see cref="InconsistentStateException"/>;
/// the runtime then drops the activation so the next call reloads from the database.
/// </summary>
public interface IPersistentState<TState> where TState : new()
{
    /// <summary>The current state; a default instance when no record exists.</summary>
    TState State { get; set; }

    /// <summary>Version tag of the stored record, or null when none has been read or written.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state; completes when the storage has acknowledged it durably.</summary>
    Task WriteStateAsync();

    /// <summary>Removes the stored record and resets the state to a default instance.</summary>
    Task ClearStateAsync();
}
