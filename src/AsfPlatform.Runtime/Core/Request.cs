namespace AsfPlatform.Runtime.Core;

/// <summary>A unit of work for an activation: a grain call or a timer tick.</summary>
internal interface IWorkItem
{
    /// <summary>May run while another request of the activation waits at an await (reentrant grain or
    /// <see cref="AlwaysInterleaveAttribute"/> method); otherwise it needs the activation to itself.</summary>
    bool Interleaves { get; }

    /// <summary>Counts as activity for idle collection (timer ticks do not, as in Orleans).</summary>
    bool KeepsAlive { get; }

    /// <summary>The caller has given up; the work is dropped instead of run.</summary>
    bool IsExpired { get; }

    /// <summary>Runs the work in a turn of <paramref name="activation"/>, on its context, with its slot reserved.</summary>
    void Run(GrainActivation activation);

    /// <summary>The activation went away before the work ran: calls move to a new activation (or fail with
    /// <paramref name="failure"/>); timer ticks are dropped.</summary>
    void Reroute(GrainRuntime runtime, Exception? failure);
}

/// <summary>A grain call waiting for, or running in, a turn. It is the caller's task source, so a queued call costs
/// one allocation.</summary>
internal sealed class Request<T>(GrainReference target, GrainMethodInvoker<T> method, object?[] arguments, bool interleaves, long deadline)
    : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IWorkItem
{
    private GrainActivation? _activation;
    private Task<T>? _grainTask;

    public bool Interleaves => interleaves;

    public bool KeepsAlive => true;

    public bool IsExpired => Task.IsCompleted || Environment.TickCount64 > deadline;

    public void Run(GrainActivation activation)
    {
        Task<T> task;
        try
        {
            task = method.Call(activation.GrainObject, arguments);
        }
        catch (Exception exception)
        {
            task = System.Threading.Tasks.Task.FromException<T>(exception);
        }

        Track(activation, task);
    }

    /// <summary>Ends the turn and answers the caller when the grain's task completes.</summary>
    public void Track(GrainActivation activation, Task<T> grainTask)
    {
        _activation = activation;
        _grainTask = grainTask;
        if (grainTask.IsCompleted)
        {
            OnGrainTaskCompleted();
        }
        else
        {
            grainTask.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnGrainTaskCompleted);
        }
    }

    public void Reroute(GrainRuntime runtime, Exception? failure)
    {
        if (failure is null)
        {
            runtime.Dispatch(target, this);
        }
        else
        {
            TrySetException(failure);
        }
    }

    /// <summary>The caller's view: the response, or a <see cref="TimeoutException"/> after the response timeout.</summary>
    public Task<T> ResponseAsync(TimeSpan timeout) => WaitForResponse(Task, timeout, target.GrainId, method.Name);

    public static async Task<T> WaitForResponse(Task<T> response, TimeSpan timeout, GrainId grainId, string methodName)
    {
        try
        {
            return await response.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!response.IsCompleted)
        {
            throw new TimeoutException(
                $"No response from grain {grainId} to {methodName} within {timeout}. The grain may be busy or in a call " +
                "cycle (A→B→A) between non-reentrant grains.");
        }
    }

    private void OnGrainTaskCompleted()
    {
        var task = _grainTask!;
        _activation!.OnTurnCompleted(this, task.Exception);
        if (task.IsCompletedSuccessfully)
        {
            try
            {
                TrySetResult(method.CopyResult(task.Result));
            }
            catch (Exception exception)
            {
                TrySetException(exception);
            }
        }
        else if (task.IsCanceled)
        {
            TrySetCanceled();
        }
        else
        {
            TrySetException(task.Exception!.InnerExceptions);
        }
    }
}
