namespace AsfPlatform.Benchmarks.Orleans;

/// <summary>The Orleans samples' trivial grain (HelloWorld's shape): the reference for what a call costs in Orleans.</summary>
[Alias("bench.ISampleGrain")]
public interface ISampleGrain : IGrainWithStringKey
{
    /// <summary>Answers at once.</summary>
    Task<DateTimeOffset> PingAsync();
}

/// <inheritdoc cref="ISampleGrain" />
public sealed class SampleGrain : Grain, ISampleGrain
{
    /// <inheritdoc />
    public Task<DateTimeOffset> PingAsync() => Task.FromResult(DateTimeOffset.UtcNow);
}
