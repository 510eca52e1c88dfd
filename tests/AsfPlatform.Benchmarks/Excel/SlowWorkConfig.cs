using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AsfPlatform.Benchmarks.Excel;

/// <summary>
/// Work of seconds, each run on state a setup made for it: one invocation per iteration (no pilot, no unrolling), a
/// warm-up and five measured iterations, in this process (the host under test is a web application factory).
/// </summary>
internal sealed class SlowWorkConfig : ManualConfig
{
    public SlowWorkConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
