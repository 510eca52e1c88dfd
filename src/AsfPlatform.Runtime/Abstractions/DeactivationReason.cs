namespace AsfPlatform.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>Idle for longer than the collection age.</summary>
    IdleCollection,
    /// <summary>The grain asked for it with <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested,
    /// <summary>The host is shutting down gracefully.</summary>
    ShuttingDown,
    /// <summary>Its state turned out stale (another writer won); it reloads on the next call.</summary>
    InconsistentState,
    /// <summary>A test asked for it.</summary>
    Requested,
}

/// <summary>Why an activation is being deactivated, with a readable description.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description);
