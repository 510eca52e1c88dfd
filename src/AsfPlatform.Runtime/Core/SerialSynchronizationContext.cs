namespace AsfPlatform.Runtime.Core;

/// <summary>
/// Runs posted work one item at a time, in order, on the thread pool. Grain code runs with this as its
/// <see cref="SynchronizationContext"/>, so every continuation after an <c>await</c> comes back here and an activation
/// never runs two pieces of grain code at once, even when requests interleave (Orleans' activation task scheduler).
/// </summary>
internal class SerialSynchronizationContext : SynchronizationContext, IThreadPoolWorkItem
{
    /// <summary>Guards the queue and, in <see cref="GrainActivation"/>, the request bookkeeping.</summary>
    protected readonly Lock Sync = new();

    // Allocated on first post: most idle activations never need it.
    private Queue<(SendOrPostCallback Callback, object? State)>? _queue;
    private bool _busy;

    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (Sync)
        {
            (_queue ??= new Queue<(SendOrPostCallback, object?)>()).Enqueue((d, state));
            schedule = !_busy;
            _busy = true;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous sends to a grain would deadlock; await the call instead.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Claims the context for running work on the calling thread (the idle fast path). Call under
    /// <see cref="Sync"/>.</summary>
    protected bool TryClaimLocked()
    {
        if (_busy)
        {
            return false;
        }

        _busy = true;
        return true;
    }

    /// <summary>Releases a claim taken by <see cref="TryClaimLocked"/>, draining anything posted meanwhile.</summary>
    protected void ExitInline()
    {
        lock (Sync)
        {
            if (_queue is not { Count: > 0 })
            {
                _busy = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            // A bounded batch keeps one busy activation from monopolising a pool thread.
            for (var i = 0; i < 256; i++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (Sync)
                {
                    if (_queue is not { Count: > 0 })
                    {
                        _busy = false;
                        return;
                    }

                    item = _queue.Dequeue();
                }

                try
                {
                    item.Callback(item.State);
                }
                catch (Exception exception)
                {
                    OnUnhandledException(exception);
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Called when posted work throws (async grain code captures its own exceptions, so this is rare).</summary>
    protected virtual void OnUnhandledException(Exception exception)
    {
    }
}
