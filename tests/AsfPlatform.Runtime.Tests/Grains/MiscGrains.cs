namespace AsfPlatform.Runtime.Tests.Grains;

public sealed record Point(int X, int Y);

public sealed class MutableBox
{
    public List<int> Items { get; set; } = [];
}

public interface ICopyGrain : IGrainWithStringKey
{
    Task Store(List<int> items, MutableBox box);

    Task<List<int>> Items();

    Task<MutableBox> Box();

    Task<Point> Echo(Point point);

    Task<bool> IsSameAsStored(Point point);
}

public sealed class CopyGrain : Grain, ICopyGrain
{
    private List<int> _items = [];
    private MutableBox _box = new();
    private Point? _point;

    public Task Store(List<int> items, MutableBox box)
    {
        _items = items;
        _box = box;
        return Task.CompletedTask;
    }

    public Task<List<int>> Items() => Task.FromResult(_items);

    public Task<MutableBox> Box() => Task.FromResult(_box);

    public Task<Point> Echo(Point point)
    {
        _point = point;
        return Task.FromResult(point);
    }

    public Task<bool> IsSameAsStored(Point point) => Task.FromResult(ReferenceEquals(point, _point));
}

public interface ITimerGrain : IGrainWithStringKey
{
    Task<int> Ticks();

    Task<int> PeakConcurrency();

    Task Busy(int milliseconds);

    Task StopTimer();
}

public sealed class TimerGrain(LifecycleProbe probe) : Grain, ITimerGrain
{
    private IDisposable? _timer;
    private int _ticks;
    private int _running;
    private int _peak;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timer = RegisterGrainTimer(async _ =>
        {
            Enter();
            _ticks++;
            probe.Record($"tick {GetPrimaryKeyString()}");
            await Task.Delay(2);
            _running--;
        }, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task<int> PeakConcurrency() => Task.FromResult(_peak);

    public async Task Busy(int milliseconds)
    {
        Enter();
        await Task.Delay(milliseconds);
        _running--;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    private void Enter()
    {
        _running++;
        _peak = Math.Max(_peak, _running);
    }
}

public interface INamedStatesGrain : IGrainWithStringKey
{
    Task Set(string first, string second);

    Task<string> Get();
}

public sealed class TextState
{
    public string Text { get; set; } = "";
}

[GrainType("two-states")]
public sealed class NamedStatesGrain(
    [PersistentState("first")] IPersistentState<TextState> first,
    [PersistentState("second", "Other")] IPersistentState<TextState> second) : Grain, INamedStatesGrain
{
    public async Task Set(string a, string b)
    {
        first.State.Text = a;
        second.State.Text = b;
        await first.WriteStateAsync();
        await second.WriteStateAsync();
    }

    public Task<string> Get() => Task.FromResult($"{first.State.Text}/{second.State.Text}");
}
