namespace AsfPlatform.Contracts;

/// <summary>A stateless grain that proves the cluster takes calls (the host's /healthz, the asf command's probe).</summary>
[Alias("asf.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Answers with the time the call was served.</summary>
    Task<DateTimeOffset> PingAsync();
}
