using AsfPlatform.Contracts;

namespace AsfPlatform.Grains;

/// <inheritdoc cref="IHealthProbeGrain" />
[StatelessWorker]
[GrainType("asf.health-probe")]
public sealed class HealthProbeGrain(TimeProvider time) : Grain, IHealthProbeGrain
{
    /// <inheritdoc />
    public Task<DateTimeOffset> PingAsync() => Task.FromResult(time.GetUtcNow());
}
