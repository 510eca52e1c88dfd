using Microsoft.Extensions.Logging;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// A grain timer (<c>RegisterGrainTimer</c>): each tick runs as a non-interleaving turn of its activation, a tick is
/// skipped while the previous one is still queued or running, and ticks do not keep the grain from idle collection.
/// </summary>
internal sealed class GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback) : IDisposable, IWorkItem
{
    private readonly CancellationTokenSource _stopped = new();
    private Timer? _timer;
    private int _busy;

    public bool Interleaves => false;

    public bool KeepsAlive => false;

    public bool IsExpired => _stopped.IsCancellationRequested;

    public void Start(TimeSpan dueTime, TimeSpan period) =>
        _timer = new Timer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);

    public void Run(GrainActivation owner)
    {
        Task task;
        try
        {
            task = _stopped.IsCancellationRequested ? Task.CompletedTask : callback(_stopped.Token);
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (task.IsCompleted)
        {
            Complete(task);
        }
        else
        {
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => Complete(task));
        }
    }

    public void Reroute(GrainRuntime runtime, Exception? failure) => Volatile.Write(ref _busy, 0);

    public void Dispose()
    {
        if (_stopped.IsCancellationRequested)
        {
            return;
        }

        _stopped.Cancel();
        _timer?.Dispose();
        activation.RemoveTimer(this);
    }

    private void OnTick()
    {
        if (_stopped.IsCancellationRequested || Interlocked.Exchange(ref _busy, 1) == 1)
        {
            return;
        }

        if (!activation.TryEnqueue(this))
        {
            Dispose();
        }
    }

    private void Complete(Task task)
    {
        if (task.IsFaulted)
        {
            activation.Runtime.Logger.LogWarning(task.Exception, "A timer of grain {GrainId} failed", activation.GrainId);
        }

        Volatile.Write(ref _busy, 0);
        activation.OnTurnCompleted(this, exception: null);
    }
}
