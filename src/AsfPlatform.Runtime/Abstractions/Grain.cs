namespace AsfPlatform.Runtime;

/// <summary>
/// Base class of grain implementations, like Orleans' <c>Grain</c>. Persistent state is injected through the
/// constructor with <see cref="PersistentStateAttribute"/>; other services through ordinary constructor injection.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>Set by the runtime before <see cref="OnActivateAsync"/>.</summary>
    internal IGrainContext Context
    {
        get => _context ?? throw new InvalidOperationException("The grain is not activated by the grain runtime.");
        set => _context = value;
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Context.GrainId;

    /// <summary>The grain's string key (Orleans' <c>this.GetPrimaryKeyString()</c>).</summary>
    public string GetPrimaryKeyString() => Context.GrainId.Key;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>Called after the persistent state is loaded and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called on idle collection, on <see cref="DeactivateOnIdle"/> and on graceful shutdown.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Deactivates this grain once the current request completes.</summary>
    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    /// <summary>
    /// Registers a timer whose callback runs as a turn of this grain (never concurrently with a request).
    /// Dispose the result to stop it; it also stops when the grain deactivates.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);
}

/// <summary>What the runtime gives an activation; implemented by the runtime's activation.</summary>
internal interface IGrainContext
{
    GrainId GrainId { get; }
    IGrainFactory GrainFactory { get; }
    void DeactivateOnIdle();
    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);
}
