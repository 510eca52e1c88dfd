using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Grains;

/// <summary>
/// Observations kept by the source that replaces them. A plan hears of one changed fact at a time, and an insats may
/// hold thousands of events: replacing one source's observations must not cost a pass over all the others (it did, as
/// a list, and grew into the load's largest cost).
/// </summary>
internal sealed class ObservationsBySource
{
    private readonly Dictionary<string, Observation[]> _bySource = new(StringComparer.Ordinal);

    /// <summary>How many observations are held.</summary>
    public int Count { get; private set; }

    /// <summary>Every held observation.</summary>
    public IEnumerable<Observation> All => _bySource.Values.SelectMany(o => o);

    /// <summary>
    /// Gives each of <paramref name="sources"/> the observations of <paramref name="after"/> that carry its id (none:
    /// the source is dropped); false when every source already held exactly those.
    /// </summary>
    public bool Replace(IEnumerable<string> sources, IReadOnlyList<Observation> after)
    {
        var changed = false;
        foreach (var source in sources)
        {
            var now = after.Where(o => o.SourceId == source).ToArray();
            var was = _bySource.GetValueOrDefault(source) ?? [];
            if (was.AsSpan().SequenceEqual(now)) continue;
            changed = true;
            Count += now.Length - was.Length;
            if (now.Length == 0) _bySource.Remove(source);
            else _bySource[source] = now;
        }
        return changed;
    }

    /// <summary>Holds exactly <paramref name="observations"/> (a full read of the sources).</summary>
    public void Reset(IEnumerable<Observation> observations)
    {
        _bySource.Clear();
        Count = 0;
        foreach (var group in observations.GroupBy(o => o.SourceId, StringComparer.Ordinal))
        {
            var held = _bySource[group.Key] = group.ToArray();
            Count += held.Length;
        }
    }
}
