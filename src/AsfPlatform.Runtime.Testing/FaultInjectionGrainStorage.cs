using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Runtime.Testing;

/// <summary>
/// Wraps a grain storage and makes chosen operations fail (Orleans.TestingHost's fault-injection storage): the next
/// read, write or clear, optionally only for one grain, throws before reaching the inner storage, so the stored state
/// stays as it was.
/// </summary>
public sealed class FaultInjectionGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly Lock _sync = new();
    private readonly List<Fault> _faults = [];

    /// <summary>The wrapped storage.</summary>
    public IGrainStorage Inner { get; } = inner;

    /// <summary>Operations that failed on purpose so far.</summary>
    public int InjectedFailures { get; private set; }

    /// <summary>Makes the next read (of <paramref name="grainId"/>, or of any grain) throw.</summary>
    public void FailNextRead(GrainId? grainId = null, Exception? exception = null) => Add(Operation.Read, grainId, exception);

    /// <summary>Makes the next write (of <paramref name="grainId"/>, or of any grain) throw.</summary>
    public void FailNextWrite(GrainId? grainId = null, Exception? exception = null) => Add(Operation.Write, grainId, exception);

    /// <summary>Makes the next clear (of <paramref name="grainId"/>, or of any grain) throw.</summary>
    public void FailNextClear(GrainId? grainId = null, Exception? exception = null) => Add(Operation.Clear, grainId, exception);

    /// <summary>Forgets faults that have not fired.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _faults.Clear();
        }
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Take(Operation.Read, grainId) is { } failure ? Task.FromException(failure) : Inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Take(Operation.Write, grainId) is { } failure ? Task.FromException(failure) : Inner.WriteStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Take(Operation.Clear, grainId) is { } failure ? Task.FromException(failure) : Inner.ClearStateAsync(stateName, grainId, grainState);

    private void Add(Operation operation, GrainId? grainId, Exception? exception)
    {
        lock (_sync)
        {
            _faults.Add(new Fault(operation, grainId, exception));
        }
    }

    private Exception? Take(Operation operation, GrainId grainId)
    {
        lock (_sync)
        {
            var index = _faults.FindIndex(f => f.Operation == operation && (f.GrainId is null || f.GrainId == grainId));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            InjectedFailures++;
            return fault.Exception ?? new IOException($"Injected {operation.ToString().ToLowerInvariant()} fault for grain {grainId}.");
        }
    }

    private enum Operation
    {
        Read,
        Write,
        Clear,
    }

    private sealed record Fault(Operation Operation, GrainId? GrainId, Exception? Exception);
}
