namespace AsfPlatform.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    /// <summary>What storage holds, bypassing the activation's copy.</summary>
    Task<int> ReadStored();

    Task Clear();

    Task Deactivate();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

/// <summary>Records lifecycle events so tests can observe activations and deactivations.</summary>
public sealed class LifecycleProbe
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Record(string e) => _events.Enqueue(e);

    public int Count(string e) => _events.Count(x => x == e);
}

public sealed class CounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> counter,
    LifecycleProbe probe) : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate {GetPrimaryKeyString()} value={counter.State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate {GetPrimaryKeyString()} {reason.Code}");
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public async Task<int> ReadStored()
    {
        await counter.ReadStateAsync();
        return counter.State.Value;
    }

    public Task Clear() => counter.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
