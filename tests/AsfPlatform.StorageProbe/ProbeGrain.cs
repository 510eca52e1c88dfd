using System.Diagnostics;

namespace AsfPlatform.StorageProbe;

/// <summary>The state written by the probe: a counter and ~200 bytes of text, about a small platform grain's size.</summary>
public sealed class ProbeState
{
    /// <summary>Incremented by each write.</summary>
    public int Value { get; set; }

    /// <summary>Padding to a realistic payload size.</summary>
    public string Text { get; set; } = new('x', 200);
}

/// <summary>What one grain measured.</summary>
[GenerateSerializer]
public sealed record WriteStats([property: Id(0)] int Writes, [property: Id(1)] double MaxMilliseconds, [property: Id(2)] double[] SampleMilliseconds);

/// <summary>Writes its state in a loop.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Writes until <paramref name="until"/> (UTC) and reports the count and each write's latency.</summary>
    Task<WriteStats> WriteUntil(DateTime until);
}

/// <summary>Implements <see cref="IProbeGrain"/>.</summary>
public sealed class ProbeGrain([PersistentState("probe", "asf")] IPersistentState<ProbeState> state) : Grain, IProbeGrain
{
    /// <inheritdoc />
    public async Task<WriteStats> WriteUntil(DateTime until)
    {
        var latencies = new List<double>();
        var max = 0.0;
        while (DateTime.UtcNow < until)
        {
            state.State.Value++;
            var started = Stopwatch.GetTimestamp();
            await state.WriteStateAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(ms);
            max = Math.Max(max, ms);
        }

        return new WriteStats(latencies.Count, max, latencies.ToArray());
    }
}
