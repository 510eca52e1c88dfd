using AsfPlatform.Runtime.Utilities;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsfPlatform.Runtime.Tests.Grains;

public interface IGoalObserver : IGrainObserver
{
    void GoalChanged(string goal, int value);
}

public interface IGoalGrain : IGrainWithStringKey
{
    Task Subscribe(IGoalObserver observer);

    Task Unsubscribe(IGoalObserver observer);

    Task<int> SetValue(int value);

    Task<int> Subscribers();
}

public sealed class GoalGrain : Grain, IGoalGrain
{
    private readonly ObserverManager<IGoalObserver> _observers = new(TimeSpan.FromMinutes(5), NullLogger.Instance);

    public Task Subscribe(IGoalObserver observer)
    {
        _observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IGoalObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<int> SetValue(int value)
    {
        _observers.Notify(o => o.GoalChanged(GetPrimaryKeyString(), value));
        return Task.FromResult(value);
    }

    public Task<int> Subscribers() => Task.FromResult(_observers.Count);
}
