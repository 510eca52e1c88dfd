namespace AsfPlatform.LoadTests;

/// <summary>Latencies of one office, merged at the end (no locking on the hot path).</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(100_000);

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public static (double P50, double P99, double Max) Percentiles(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._milliseconds).Order().ToArray();
        if (all.Length == 0)
            return (0, 0, 0);
        double At(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return (At(0.50), At(0.99), all[^1]);
    }
}
