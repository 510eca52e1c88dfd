using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace AsfPlatform.Benchmarks.Storage;

/// <summary>Short runs (every write waits for an fsync) and a writes-per-second column, the figure the issue's
/// targets are stated in.</summary>
public sealed class DurableWriteConfig : ManualConfig
{
    public DurableWriteConfig()
    {
        // A raw write with 64 contending writers takes milliseconds, a grouped one tens of microseconds: let the pilot
        // size each iteration to a quarter second, and keep the counts low so the whole run stays within minutes.
        AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(8).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithUnrollFactor(1));
        AddColumn(new WritesPerSecondColumn());
    }

    private sealed class WritesPerSecondColumn : IColumn
    {
        public string Id => nameof(WritesPerSecondColumn);
        public string ColumnName => "Writes/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Acknowledged durable writes per second (1 s / mean time per write)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats ? (1e9 / stats.Mean).ToString("N0") : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
