using AsfPlatform.Contracts;

namespace AsfPlatform.Grains;

/// <summary>How the silo describes its database (registered by the composition root; "okänd" where none is).</summary>
public sealed class StorageDescription(string value)
{
    /// <summary>The description, e.g. "Sqlite (/srv/asf/asf.db)".</summary>
    public string Value { get; } = value;
}

/// <inheritdoc cref="IHealthProbeGrain" />
[StatelessWorker]
[GrainType("asf.health-probe")]
public sealed class HealthProbeGrain(TimeProvider time, StorageDescription? storage = null) : Grain, IHealthProbeGrain
{
    /// <inheritdoc />
    public Task<DateTimeOffset> PingAsync() => Task.FromResult(time.GetUtcNow());

    /// <inheritdoc />
    public Task<string> DescribeStorageAsync() => Task.FromResult(storage?.Value ?? "okänd");
}
