using AsfPlatform.Runtime.Core;

namespace AsfPlatform.Runtime.Storage;

/// <summary>What the runtime needs of a persistent state, whatever its type.</summary>
internal interface IPersistentStateControl
{
    /// <summary>Loads the state before <c>OnActivateAsync</c>.</summary>
    Task LoadAsync();
}

/// <summary>
/// <see cref="IPersistentState{TState}"/> over an <see cref="IGrainStorage"/>. Operations run one at a time per
/// state. A failed write or clear (stale ETag or storage error) poisons the state: the activation is dropped after
/// the current call and later writes on it fail, so an activation is never left ahead of the database.
/// </summary>
internal sealed class PersistentState<TState>(string stateName, string storageName, IGrainStorage storage, GrainActivation owner)
    : IPersistentState<TState>, IGrainState<TState>, IPersistentStateControl
    where TState : new()
{
    private readonly string _stateName = stateName;
    private readonly IGrainStorage _storage = storage;
    private readonly GrainActivation _owner = owner;
    private SemaphoreSlim? _gate;
    private string? _failure;

    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public string? Etag => ETag;

    public bool RecordExists { get; set; }

    public Task LoadAsync() => ReadStateAsync();

    public Task ReadStateAsync() => RunAsync("read", static s => s._storage.ReadStateAsync(s._stateName, s._owner.GrainId, s));

    public Task WriteStateAsync() => RunAsync("write", static s => s._storage.WriteStateAsync(s._stateName, s._owner.GrainId, s));

    public Task ClearStateAsync() => RunAsync("clear", static s => s._storage.ClearStateAsync(s._stateName, s._owner.GrainId, s));

    private async Task RunAsync(string operation, Func<PersistentState<TState>, Task> action)
    {
        if (operation != "read" && _failure is not null)
        {
            throw new InconsistentStateException(
                $"Cannot {operation} state '{_stateName}' of grain {_owner.GrainId}: an earlier {_failure}; " +
                "the activation is being dropped and the next call reloads the state.", null, ETag);
        }

        var gate = _gate ?? Interlocked.CompareExchange(ref _gate, new SemaphoreSlim(1, 1), null) ?? _gate;
        await gate.WaitAsync();
        try
        {
            await action(this);
        }
        catch (InconsistentStateException exception)
        {
            Poison(operation, "lost to a newer version in storage (stale ETag)");
            throw new InconsistentStateException(
                $"Could not {operation} state '{_stateName}' of grain {_owner.GrainId} in storage '{storageName}': " +
                $"{exception.Message}", exception.StoredEtag, exception.CurrentEtag, exception);
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            Poison(operation, "failed in storage");
            throw new GrainStorageException(
                $"Could not {operation} state '{_stateName}' of grain {_owner.GrainId} in storage '{storageName}': " +
                $"{exception.Message}", exception);
        }
        finally
        {
            gate.Release();
        }
    }

    private void Poison(string operation, string what)
    {
        if (operation == "read")
        {
            return;
        }

        _failure = $"{operation} {what}";
        _owner.OnStateFailure($"State '{_stateName}' {_failure}.");
    }
}
