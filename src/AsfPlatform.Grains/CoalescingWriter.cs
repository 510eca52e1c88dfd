using Orleans.Storage;

namespace AsfPlatform.Grains;

/// <summary>
/// Group commit inside one activation: changes made while a write of the state is in flight share the next single
/// write, instead of queuing one durable write each. Each caller's task completes only once a write that started
/// after its change has been acknowledged, and fails if that write fails. Use it from the grain's own context only
/// (it is not thread-safe; the activation's serial context makes it so).
/// A failed write leaves the activation holding changes that storage may not have: from then on every write fails
/// without reaching storage, and <paramref name="failed"/> drops the activation, so the next call reloads what is stored.
/// </summary>
/// <param name="write">
/// Writes the whole current state. It must capture the state before its first await (the storage serializes
/// synchronously), so a change made later is known to be left for the next write.
/// </param>
/// <param name="failed">Called once, on the first failed write: the grain's <c>DeactivateOnIdle</c>.</param>
internal sealed class CoalescingWriter(Func<Task> write, Action failed)
{
    private TaskCompletionSource? _next;
    private bool _writing;
    private Exception? _failure;

    /// <summary>Persists every change made so far; completes when a write that includes them is durable.</summary>
    public Task WriteAsync()
    {
        if (_failure is not null) return Task.FromException(Poisoned());
        var batch = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_writing)
        {
            _ = DrainAsync();
        }

        return batch.Task;
    }

    // Runs synchronously up to the first write's await, so the first batch captures the state at once; the loop
    // then continues on the activation's context and writes whatever arrived meanwhile as one batch.
    private async Task DrainAsync()
    {
        _writing = true;
        while (_next is { } batch)
        {
            _next = null;
            if (_failure is not null)
            {
                batch.SetException(Poisoned()); // changes made during the failed write: not written on top of it
                continue;
            }

            try
            {
                await write();
                batch.SetResult();
            }
            catch (Exception exception)
            {
                // Every caller whose change rode on this write fails, and so does every later write on this activation.
                _failure = exception;
                batch.SetException(exception);
                failed();
            }
        }

        _writing = false;
    }

    private InconsistentStateException Poisoned() => new(
        "An earlier write of this grain's state failed; the activation is being dropped and the next call reloads the state.",
        _failure);
}
