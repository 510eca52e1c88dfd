using System.Diagnostics;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using Orleans;

namespace AsfPlatform.LoadTests;

/// <summary>
/// Profiling aid (<c>--probe</c>): the same company-figures writes as the offices, but called on the grains in-process,
/// without HTTP, authentication or the audit log, so the run shows how much of a write's cost is the grain turn
/// and storage commit (including the push into the yearly plan), and how much is the web layer.
/// </summary>
public static class DirectProbe
{
    public static async Task<string> RunAsync(IGrainFactory grains, IReadOnlyList<string> companyIds, TimeSpan duration)
    {
        var acknowledged = 0L;
        var latencies = companyIds.Select(_ => new LatencyRecorder()).ToArray();
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(companyIds.Select((id, index) => Task.Run(async () =>
        {
            var grain = grains.GetGrain<ICompanyGrain>(GrainKeys.Company("finsam-gavleborg", id));
            var version = (await grain.GetSnapshot()).Version;
            var n = 1_000_000;
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var after = await grain.RecordFigures(new RecordCompanyFigures(
                    new CompanyFigures(Office.FiguresDate, n++, 0, null, 0, 0, 0), version));
                version = after.Version;
                latencies[index].Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref acknowledged);
            }
        })));
        var (p50, p99, _) = LatencyRecorder.Percentiles(latencies);
        return $"Probe, company figures by direct grain calls (no HTTP, auth or audit; the plan push included): " +
            $"{acknowledged / clock.Elapsed.TotalSeconds:0} writes/s, p50 {p50:0.0} ms, p99 {p99:0.0} ms";
    }
}
