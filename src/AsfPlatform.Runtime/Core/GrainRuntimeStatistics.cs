using System.Collections.Concurrent;

namespace AsfPlatform.Runtime.Core;

/// <summary>Counters of one grain type on one host; bumped with interlocked increments on the call path.</summary>
internal sealed class GrainTypeCounters
{
    public long Calls;
    public long Activations;
}

/// <inheritdoc />
internal sealed class GrainRuntimeStatistics : IGrainRuntimeStatistics
{
    private readonly ConcurrentDictionary<string, GrainTypeCounters> _counters = new();
    private int _active;

    public GrainTypeCounters For(string grainType) => _counters.GetOrAdd(grainType, static _ => new GrainTypeCounters());

    public void ActivationStarted(GrainTypeCounters counters)
    {
        Interlocked.Increment(ref counters.Activations);
        Interlocked.Increment(ref _active);
    }

    public void ActivationEnded() => Interlocked.Decrement(ref _active);

    public long TotalCalls => _counters.Values.Sum(c => Interlocked.Read(ref c.Calls));

    public long TotalActivations => _counters.Values.Sum(c => Interlocked.Read(ref c.Activations));

    public int ActiveActivations => Volatile.Read(ref _active);

    public long GetCalls(string grainType) => _counters.TryGetValue(grainType, out var c) ? Interlocked.Read(ref c.Calls) : 0;

    public long GetActivations(string grainType) =>
        _counters.TryGetValue(grainType, out var c) ? Interlocked.Read(ref c.Activations) : 0;

    public GrainRuntimeStatisticsSnapshot Snapshot() => new(_counters.ToDictionary(
        kv => kv.Key,
        kv => new GrainTypeCounts(Interlocked.Read(ref kv.Value.Calls), Interlocked.Read(ref kv.Value.Activations))));
}
