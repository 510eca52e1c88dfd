using AsfPlatform.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// One activation of a grain on this host: the grain object, its states and timers, and the turn bookkeeping that
/// lets one request run at a time (or several, interleaved at awaits, when the grain or method allows it).
/// All grain code runs on this activation's serial context, so grain code never runs on two threads at once.
/// </summary>
internal sealed class GrainActivation : SerialSynchronizationContext, IGrainContext
{
    private static readonly SendOrPostCallback RunWorkItem = static state =>
    {
        var (activation, item) = ((GrainActivation, IWorkItem))state!;
        item.Run(activation);
    };

    private volatile ActivationPhase _phase;
    private int _inFlight;
    private bool _exclusiveRunning;
    private Queue<IWorkItem>? _pending;
    private DeactivationReason? _deactivation;
    private long _lastActive = Environment.TickCount64;
    private Grain? _grain;
    private List<GrainTimer>? _timers;
    private TaskCompletionSource? _deactivated;

    public GrainActivation(GrainRuntime runtime, GrainClassInfo grainClass, GrainId grainId)
    {
        Runtime = runtime;
        GrainClass = grainClass;
        GrainId = grainId;
    }

    private enum ActivationPhase
    {
        Created,
        Activating,
        Valid,
        Deactivating,
        Invalid,
    }

    public GrainRuntime Runtime { get; }

    public GrainClassInfo GrainClass { get; }

    public GrainId GrainId { get; }

    IGrainFactory IGrainContext.GrainFactory => Runtime;

    public Grain GrainObject => _grain!;

    /// <summary>Gone for good: callers must look up (or create) a new activation.</summary>
    public bool IsInvalid => _phase == ActivationPhase.Invalid;

    /// <summary>Completes once the activation is deactivated (or failed to activate).</summary>
    public Task Deactivated
    {
        get
        {
            lock (Sync)
            {
                return _phase == ActivationPhase.Invalid
                    ? Task.CompletedTask
                    : (_deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    /// <summary>Starts activating: the first turn loads state and runs <c>OnActivateAsync</c>. Called once, after
    /// the request that caused it is queued, so that request sees the outcome (even a failed activation).</summary>
    private void StartActivation() => Post(static state => _ = ((GrainActivation)state!).ActivateAsync(), this);

    // Under Sync: the first queued work moves a new activation to Activating.
    private bool ClaimActivationLocked()
    {
        if (_phase != ActivationPhase.Created)
        {
            return false;
        }

        _phase = ActivationPhase.Activating;
        return true;
    }

    /// <summary>
    /// Calls a grain method. When the activation is idle the call runs right away on the caller's thread (with this
    /// activation's context) until its first await; otherwise it queues. Returns null when this activation is gone.
    /// </summary>
    public Task<T>? TryInvoke<T>(GrainReference target, GrainMethodInvoker<T> method, object?[] arguments)
    {
        var interleaves = GrainClass.IsReentrant || method.AlwaysInterleave;
        bool inline = false, activate = false;
        Request<T>? request;
        lock (Sync)
        {
            if (!CanStartNow(interleaves))
            {
                if (_phase == ActivationPhase.Invalid)
                {
                    return null;
                }

                request = NewRequest(target, method, arguments, interleaves);
                (_pending ??= new Queue<IWorkItem>()).Enqueue(request);
                activate = ClaimActivationLocked();
            }
            else
            {
                Reserve(interleaves);
                inline = TryClaimLocked();
                request = null;
            }
        }

        if (activate)
        {
            StartActivation();
        }

        if (request is not null)
        {
            return request.ResponseAsync(Runtime.ResponseTimeout);
        }

        if (!inline)
        {
            request = NewRequest(target, method, arguments, interleaves);
            Post(RunWorkItem, (this, (IWorkItem)request));
            return request.ResponseAsync(Runtime.ResponseTimeout);
        }

        var previous = Current;
        SetSynchronizationContext(this);
        Task<T> task;
        try
        {
            task = method.Call(_grain!, arguments);
        }
        catch (Exception exception)
        {
            task = Task.FromException<T>(exception);
        }
        finally
        {
            SetSynchronizationContext(previous);
            ExitInline();
        }

        if (task.IsCompletedSuccessfully && method.PassesResultAsIs)
        {
            OnTurnCompleted(interleaves, keepsAlive: true, exception: null);
            return task;
        }

        request = NewRequest(target, method, arguments, interleaves);
        request.Track(this, task);
        return task.IsCompleted ? request.Task : request.ResponseAsync(Runtime.ResponseTimeout);
    }

    /// <summary>Queues work (a rerouted call or a timer tick); false when this activation is gone.</summary>
    public bool TryEnqueue(IWorkItem item)
    {
        bool activate = false, start = false;
        lock (Sync)
        {
            if (!CanStartNow(item.Interleaves))
            {
                if (_phase == ActivationPhase.Invalid)
                {
                    return false;
                }

                (_pending ??= new Queue<IWorkItem>()).Enqueue(item);
                activate = ClaimActivationLocked();
            }
            else
            {
                Reserve(item.Interleaves);
                start = true;
            }
        }

        if (activate)
        {
            StartActivation();
        }

        if (start)
        {
            Post(RunWorkItem, (this, item));
        }

        return true;
    }

    /// <summary>Ends a turn: drops the activation if its state proved stale, then starts what waits.</summary>
    public void OnTurnCompleted(IWorkItem item, Exception? exception) =>
        OnTurnCompleted(item.Interleaves, item.KeepsAlive, exception);

    /// <summary>Deactivates once the running requests finish; calls arriving meanwhile go to a new activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (Sync)
        {
            if (_phase >= ActivationPhase.Deactivating || _deactivation is not null)
            {
                return;
            }

            _deactivation = reason;
        }

        StartPending();
    }

    /// <summary>Asks for deactivation when idle for at least <paramref name="ageMilliseconds"/>.</summary>
    public void DeactivateIfIdle(long now, long ageMilliseconds)
    {
        lock (Sync)
        {
            if (_phase != ActivationPhase.Valid || _inFlight > 0 || now - _lastActive < ageMilliseconds)
            {
                return;
            }
        }

        RequestDeactivation(new DeactivationReason(DeactivationReasonCode.IdleCollection, "Idle for longer than the collection age."));
    }

    /// <summary>Drops the activation at once, without <c>OnDeactivateAsync</c> or flushing (a killed host).</summary>
    public void Kill(Exception failure)
    {
        Queue<IWorkItem>? pending;
        lock (Sync)
        {
            if (_phase == ActivationPhase.Invalid)
            {
                return;
            }

            _phase = ActivationPhase.Invalid;
            pending = _pending;
            _pending = null;
        }

        StopTimers();
        Finish(pending, failure);
    }

    /// <summary>Poisoned state: a write failed or lost a race, so this activation may be ahead of storage.</summary>
    public void OnStateFailure(string description) =>
        RequestDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, description));

    void IGrainContext.DeactivateOnIdle() =>
        RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    IDisposable IGrainContext.RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback);
        lock (Sync)
        {
            if (_phase >= ActivationPhase.Deactivating)
            {
                return timer;
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start(dueTime, period);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (Sync)
        {
            _timers?.Remove(timer);
        }
    }

    protected override void OnUnhandledException(Exception exception) =>
        Runtime.Logger.LogError(exception, "Unhandled exception in grain {GrainId}", GrainId);

    // Interleaving work may overtake queued work; exclusive work keeps arrival order.
    private bool CanStartNow(bool interleaves) =>
        _phase == ActivationPhase.Valid && _deactivation is null
        && (interleaves || (!_exclusiveRunning && _pending is not { Count: > 0 }));

    private void Reserve(bool interleaves)
    {
        _inFlight++;
        _exclusiveRunning |= !interleaves;
    }

    private Request<T> NewRequest<T>(GrainReference target, GrainMethodInvoker<T> method, object?[] arguments, bool interleaves) =>
        new(target, method, arguments, interleaves, Runtime.ResponseDeadline());

    private void OnTurnCompleted(bool interleaves, bool keepsAlive, Exception? exception)
    {
        if (exception is not null && Contains<InconsistentStateException>(exception))
        {
            OnStateFailure("A call failed with InconsistentStateException; the state is reloaded on the next call.");
        }

        lock (Sync)
        {
            _inFlight--;
            if (!interleaves)
            {
                _exclusiveRunning = false;
            }

            if (keepsAlive)
            {
                _lastActive = Environment.TickCount64;
            }
        }

        StartPending();
    }

    private void StartPending()
    {
        while (true)
        {
            IWorkItem? start = null, expired = null;
            lock (Sync)
            {
                if (_phase != ActivationPhase.Valid)
                {
                    return;
                }

                if (_deactivation is not null)
                {
                    if (_inFlight > 0)
                    {
                        return;
                    }

                    _phase = ActivationPhase.Deactivating;
                }
                else if (_pending is { Count: > 0 } pending)
                {
                    var head = pending.Peek();
                    if (head.IsExpired)
                    {
                        expired = pending.Dequeue();
                    }
                    else if (head.Interleaves || !_exclusiveRunning)
                    {
                        start = pending.Dequeue();
                        Reserve(start.Interleaves);
                    }
                    else
                    {
                        return;
                    }
                }
                else
                {
                    return;
                }
            }

            if (expired is not null)
            {
                expired.Reroute(Runtime, new TimeoutException($"The call to grain {GrainId} expired before it could run."));
            }
            else if (start is not null)
            {
                Post(RunWorkItem, (this, start));
            }
            else
            {
                Post(static state => _ = ((GrainActivation)state!).DeactivateAsync(), this);
                return;
            }
        }
    }

    private async Task ActivateAsync()
    {
        Runtime.Statistics.ActivationStarted(GrainClass.Counters);
        try
        {
            var states = new List<IPersistentStateControl>();
            _grain = GrainClass.Create(Runtime.Services, this, states);
            _grain.Context = this;
            foreach (var state in states)
            {
                await state.LoadAsync();
            }

            await _grain.OnActivateAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "Activation of grain {GrainId} failed", GrainId);
            Queue<IWorkItem>? pending;
            lock (Sync)
            {
                _phase = ActivationPhase.Invalid;
                pending = _pending;
                _pending = null;
            }

            StopTimers();
            Finish(pending, exception);
            return;
        }

        lock (Sync)
        {
            _phase = ActivationPhase.Valid;
            _lastActive = Environment.TickCount64;
        }

        StartPending();
    }

    private async Task DeactivateAsync()
    {
        var reason = _deactivation!.Value;
        StopTimers();
        if (_grain is not null)
        {
            using var cancellation = new CancellationTokenSource(Runtime.Options.DeactivationTimeout);
            try
            {
                await _grain.OnDeactivateAsync(reason, cancellation.Token).WaitAsync(Runtime.Options.DeactivationTimeout);
            }
            catch (Exception exception)
            {
                Runtime.Logger.LogWarning(exception, "OnDeactivateAsync of grain {GrainId} failed ({Reason})", GrainId, reason.Code);
            }
        }

        Queue<IWorkItem>? pending;
        lock (Sync)
        {
            _phase = ActivationPhase.Invalid;
            pending = _pending;
            _pending = null;
        }

        Finish(pending, failure: null);
    }

    // Leaves the catalog, then hands waiting calls to a new activation (or fails them).
    private void Finish(Queue<IWorkItem>? pending, Exception? failure)
    {
        Runtime.Remove(this);
        Runtime.Statistics.ActivationEnded();
        TaskCompletionSource? deactivated;
        lock (Sync)
        {
            deactivated = _deactivated;
        }

        deactivated?.TrySetResult();
        while (pending is { Count: > 0 })
        {
            pending.Dequeue().Reroute(Runtime, failure);
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (Sync)
        {
            if (_timers is null)
            {
                return;
            }

            timers = [.. _timers];
            _timers = null;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private static bool Contains<TException>(Exception exception) where TException : Exception =>
        exception switch
        {
            TException => true,
            AggregateException aggregate => aggregate.InnerExceptions.Any(Contains<TException>),
            _ => exception.InnerException is { } inner && Contains<TException>(inner),
        };
}
