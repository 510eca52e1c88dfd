using System.Collections.Concurrent;

namespace AsfPlatform.Grains.Tests;

/// <summary>
/// Counts the platform's grain calls per grain type across every silo of a test cluster (one instance, registered as
/// a singleton in each silo), so a test can state what an operation costs: take a <see cref="Snapshot"/> before and
/// after and compare with <see cref="CallCounts.Since"/>.
/// </summary>
public sealed class GrainCalls
{
    private readonly ConcurrentDictionary<string, long> _calls = new();

    /// <summary>
    /// Counts a call to a platform grain ("asf.*") through one of the platform's interfaces. Orleans also delivers its
    /// own calls to these activations (grain extensions for deactivation, migration and the like); those are not calls
    /// the platform makes, and the old runtime had none, so they are left out.
    /// </summary>
    public void Record(GrainType type, Type? interfaceType)
    {
        var name = type.ToString();
        if (name is null || !name.StartsWith("asf.", StringComparison.Ordinal)) return;
        if (interfaceType?.Namespace is not { } ns || !ns.StartsWith("AsfPlatform.", StringComparison.Ordinal)) return;
        _calls.AddOrUpdate(name, 1, (_, n) => n + 1);
    }

    /// <summary>The counters at this moment.</summary>
    public CallCounts Snapshot() => new(_calls.ToDictionary(kv => kv.Key, kv => kv.Value));
}

/// <summary>Calls per grain type at one moment.</summary>
public sealed record CallCounts(IReadOnlyDictionary<string, long> PerGrainType)
{
    /// <summary>Calls made between <paramref name="earlier"/> and this snapshot, per grain type (types with none left out).</summary>
    public IReadOnlyDictionary<string, long> Since(CallCounts earlier) =>
        PerGrainType
            .Select(kv => (kv.Key, Calls: kv.Value - earlier.PerGrainType.GetValueOrDefault(kv.Key)))
            .Where(x => x.Calls != 0)
            .ToDictionary(x => x.Key, x => x.Calls);
}

/// <summary>The incoming call filter that feeds <see cref="GrainCalls"/>; it sees every call a silo's grains receive,
/// from the client and from other grains, local or remote.</summary>
internal sealed class CountingCallFilter(GrainCalls calls) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        calls.Record(context.TargetId.Type, context.InterfaceMethod?.DeclaringType);
        return context.Invoke();
    }
}
