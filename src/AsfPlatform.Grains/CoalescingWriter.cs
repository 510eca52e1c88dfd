namespace AsfPlatform.Grains;

/// <summary>
/// Group commit inside one activation: changes made while a write of the state is in flight share the next single
/// write, instead of queuing one durable write each. Each caller's task completes only once a write that started
/// after its change has been acknowledged, and fails if that write fails. Use it from the grain's own context only
/// (it is not thread-safe; the activation's serial context makes it so).
/// </summary>
/// <param name="write">
/// Writes the whole current state. It must capture the state before its first await (the storage serializes
/// synchronously), so a change made later is known to be left for the next write.
/// </param>
internal sealed class CoalescingWriter(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private bool _writing;

    /// <summary>Persists every change made so far; completes when a write that includes them is durable.</summary>
    public Task WriteAsync()
    {
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
            try
            {
                await write();
                batch.SetResult();
            }
            catch (Exception exception)
            {
                // Every caller whose change rode on this write fails; a poisoned state fails the next batch too.
                batch.SetException(exception);
            }
        }

        _writing = false;
    }
}
