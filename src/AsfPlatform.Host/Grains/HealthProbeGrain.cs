using AsfPlatform.Runtime;

namespace AsfPlatform.Host.Grains;

/// <summary>A stateless grain /healthz calls to prove the runtime takes calls.</summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Answers with the time the call was served.</summary>
    Task<DateTimeOffset> PingAsync();
}

/// <inheritdoc cref="IHealthProbeGrain" />
[GrainType("asf-health-probe")]
public sealed class HealthProbeGrain : Grain, IHealthProbeGrain
{
    /// <inheritdoc />
    public Task<DateTimeOffset> PingAsync() => Task.FromResult(DateTimeOffset.UtcNow);
}
