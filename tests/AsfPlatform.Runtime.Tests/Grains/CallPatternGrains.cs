namespace AsfPlatform.Runtime.Tests.Grains;

public interface ICycleAGrain : IGrainWithStringKey
{
    Task<string> Start();

    Task<string> Pong();
}

public interface ICycleBGrain : IGrainWithStringKey
{
    Task<string> CallBack(string aKey);
}

public sealed class CycleAGrain : Grain, ICycleAGrain
{
    public Task<string> Start() => GrainFactory.GetGrain<ICycleBGrain>("b").CallBack(GetPrimaryKeyString());

    public Task<string> Pong() => Task.FromResult("pong");
}

public sealed class CycleBGrain : Grain, ICycleBGrain
{
    public Task<string> CallBack(string aKey) => GrainFactory.GetGrain<ICycleAGrain>(aKey).Pong();
}

/// <summary>Notes the peak number of requests running at once inside it.</summary>
public interface IConcurrencyGrain : IGrainWithStringKey
{
    Task Work(int index);

    Task<int> Peak();

    Task<IReadOnlyList<int>> Order();

    [AlwaysInterleave]
    Task<int> RunningNow();
}

public sealed class ConcurrencyGrain : Grain, IConcurrencyGrain
{
    private readonly List<int> _order = [];
    private int _running;
    private int _peak;

    public async Task Work(int index)
    {
        _running++;
        _peak = Math.Max(_peak, _running);
        _order.Add(index);
        await Task.Delay(1);
        await Task.Yield();
        _running--;
    }

    public Task<int> Peak() => Task.FromResult(_peak);

    public Task<IReadOnlyList<int>> Order() => Task.FromResult<IReadOnlyList<int>>(_order.ToList());

    public Task<int> RunningNow() => Task.FromResult(_running);
}

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Waits until <see cref="Open"/> is called.</summary>
    Task<string> WaitForGate();

    Task Open();

    [AlwaysInterleave]
    Task OpenInterleaved();
}

/// <summary>Not reentrant: a second call waits for the first.</summary>
public sealed class GateGrain : Grain, IGateGrain
{
    private readonly TaskCompletionSource _gate = new();

    public async Task<string> WaitForGate()
    {
        await _gate.Task;
        return "through";
    }

    public Task Open()
    {
        _gate.TrySetResult();
        return Task.CompletedTask;
    }

    public Task OpenInterleaved() => Open();
}

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task<string> WaitForGate();

    Task Open();

    Task<int> MaxThreadsAtOnce();
}

[Reentrant]
[GrainType("reentrant-gate")]
public sealed class ReentrantGateGrain : Grain, IReentrantGateGrain
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _maxInside;

    public async Task<string> WaitForGate()
    {
        await _gate.Task;
        // Interleaved requests still never run grain code on two threads at once.
        for (var i = 0; i < 50; i++)
        {
            _inside++;
            _maxInside = Math.Max(_maxInside, _inside);
            Thread.SpinWait(200);
            _inside--;
            await Task.Yield();
        }

        return "through";
    }

    public Task Open()
    {
        _gate.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<int> MaxThreadsAtOnce() => Task.FromResult(_maxInside);
}
