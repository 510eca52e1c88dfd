namespace AsfPlatform.Contracts;

/// <summary>A stateless grain that proves the cluster takes calls (the host's /healthz, the asf command's probe).</summary>
[Alias("asf.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Answers with the time the call was served.</summary>
    Task<DateTimeOffset> PingAsync();

    /// <summary>
    /// The database the cluster stores its grains in, as the silo describes it (no password), so a client can check it
    /// joined the cluster of the database it was asked to work on.
    /// </summary>
    Task<string> DescribeStorageAsync();
}
