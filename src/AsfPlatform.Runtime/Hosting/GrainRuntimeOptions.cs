namespace AsfPlatform.Runtime.Hosting;

/// <summary>Settings of the grain runtime (Orleans spreads these over ClusterOptions, SiloMessagingOptions and
/// GrainCollectionOptions).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>Service id; part of every storage key, so several services can share one database.</summary>
    public string ServiceId { get; set; } = "asf";

    /// <summary>How long a caller waits for a grain's response before a <see cref="TimeoutException"/>. A call
    /// cycle A→B→A on non-reentrant grains ends with this error.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for longer than this is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upper bound for <c>OnDeactivateAsync</c> calls during graceful shutdown.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
