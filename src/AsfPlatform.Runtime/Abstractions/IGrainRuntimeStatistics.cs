namespace AsfPlatform.Runtime;

/// <summary>
/// Counts grain calls and activations of one host, per grain type, so tests and benchmarks can state what an
/// operation costs ("one update costs N grain calls"). Counters only grow; take a <see cref="Snapshot"/> before and
/// after and compare.
/// </summary>
public interface IGrainRuntimeStatistics
{
    /// <summary>Grain calls made on this host, all grain types.</summary>
    long TotalCalls { get; }

    /// <summary>Activations created on this host, all grain types.</summary>
    long TotalActivations { get; }

    /// <summary>Activations currently alive on this host.</summary>
    int ActiveActivations { get; }

    /// <summary>Grain calls made to grains of this type (see <see cref="GrainTypeAttribute"/>).</summary>
    long GetCalls(string grainType);

    /// <summary>Activations created for grains of this type.</summary>
    long GetActivations(string grainType);

    /// <summary>All counters at this moment.</summary>
    GrainRuntimeStatisticsSnapshot Snapshot();
}

/// <summary>Counters of one grain type.</summary>
/// <param name="Calls">Grain calls made.</param>
/// <param name="Activations">Activations created.</param>
public readonly record struct GrainTypeCounts(long Calls, long Activations);

/// <summary>A copy of the runtime's counters at one moment.</summary>
/// <param name="PerGrainType">Counts per grain type name.</param>
public sealed record GrainRuntimeStatisticsSnapshot(IReadOnlyDictionary<string, GrainTypeCounts> PerGrainType)
{
    /// <summary>Grain calls in this snapshot, all types.</summary>
    public long TotalCalls => PerGrainType.Values.Sum(c => c.Calls);

    /// <summary>Calls to one grain type (0 when none).</summary>
    public long CallsTo(string grainType) => PerGrainType.TryGetValue(grainType, out var c) ? c.Calls : 0;

    /// <summary>Calls made between <paramref name="earlier"/> and this snapshot, per grain type (types with none left out).</summary>
    public IReadOnlyDictionary<string, long> CallsSince(GrainRuntimeStatisticsSnapshot earlier) =>
        PerGrainType
            .Select(kv => (kv.Key, Calls: kv.Value.Calls - earlier.CallsTo(kv.Key)))
            .Where(x => x.Calls != 0)
            .ToDictionary(x => x.Key, x => x.Calls);
}

/// <summary>Well-known names, as in Orleans' <c>ProviderConstants</c>.</summary>
public static class ProviderConstants
{
    /// <summary>The storage provider used by <see cref="PersistentStateAttribute"/> without a storage name.</summary>
    public const string DefaultStorageProviderName = "Default";
}
