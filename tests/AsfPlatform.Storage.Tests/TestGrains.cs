using Orleans.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace AsfPlatform.Storage.Tests;

/// <summary>The persisted state of <see cref="StoredCounterGrain"/>.</summary>
public sealed class CounterState
{
    /// <summary>The counter.</summary>
    public int Value { get; set; }

    /// <summary>Free text, to see it in the stored JSON.</summary>
    public string Note { get; set; } = "";
}

/// <summary>What a grain reports about its state.</summary>
[GenerateSerializer]
public sealed record CounterSnapshot(
    [property: Id(0)] int Value,
    [property: Id(1)] string Note,
    [property: Id(2)] string? ETag,
    [property: Id(3)] bool RecordExists);

/// <summary>A grain with one persistent state in the <c>asf</c> storage.</summary>
public interface IStoredCounterGrain : IGrainWithStringKey
{
    /// <summary>The state as the grain holds it.</summary>
    Task<CounterSnapshot> Get();

    /// <summary>Adds one and writes.</summary>
    Task<int> Increment();

    /// <summary>Sets both fields and writes.</summary>
    Task Set(int value, string note);

    /// <summary>Clears the state in storage.</summary>
    Task Clear();

    /// <summary>Writes through the storage provider as a second activation holding <paramref name="etag"/> would;
    /// true when the provider refuses with <see cref="InconsistentStateException"/>.</summary>
    Task<bool> WriteAsStaleActivation(string? etag, int value);

    /// <summary>Identifies this activation: the silo it runs on and a number drawn when it activated.</summary>
    Task<string> Activation();
}

/// <summary>Implements <see cref="IStoredCounterGrain"/>.</summary>
// Random placement: Orleans' default weighs the silos' load, and on a busy machine it may put every grain on the idler
// silo, while the clustering test needs grains on both.
[RandomPlacement]
public sealed class StoredCounterGrain([PersistentState("x", "asf")] IPersistentState<CounterState> state) : Grain, IStoredCounterGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    /// <inheritdoc />
    public Task<CounterSnapshot> Get() => Task.FromResult(new CounterSnapshot(state.State.Value, state.State.Note, state.Etag, state.RecordExists));

    /// <inheritdoc />
    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    /// <inheritdoc />
    public async Task Set(int value, string note)
    {
        state.State.Value = value;
        state.State.Note = note;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task Clear() => state.ClearStateAsync();

    /// <inheritdoc />
    public async Task<bool> WriteAsStaleActivation(string? etag, int value)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>("asf");
        var stale = new GrainState<CounterState>(new CounterState { Value = value, Note = "stale" }, etag);
        try
        {
            await storage.WriteStateAsync("x", this.GetGrainId(), stale);
            return false;
        }
        catch (InconsistentStateException)
        {
            return true;
        }
    }

    /// <inheritdoc />
    public Task<string> Activation() => Task.FromResult($"{RuntimeIdentity}/{_activation:N}");
}
