using System.Reflection;
using Microsoft.Extensions.Logging;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// A reference to a local observer object (<see cref="IGrainFactory.CreateObjectReference{T}"/>). Calls are
/// delivered one at a time, in order, on the thread pool, so a grain that notifies never runs observer code in its
/// own turn: one-way (void or <see cref="OneWayAttribute"/>) calls return at once, and a failing observer only fails
/// its own call.
/// </summary>
public class ObserverReference : DispatchProxy
{
    private GrainInterfaceInfo _interface = null!;
    private SerialSynchronizationContext _mailbox = null!;
    private TimeSpan _responseTimeout;
    private ILogger _logger = null!;
    private volatile bool _deleted;

    internal IGrainObserver Target { get; private set; } = null!;

    internal void Initialize(IGrainObserver target, GrainInterfaceInfo observerInterface, TimeSpan responseTimeout, ILogger logger)
    {
        Target = target;
        _interface = observerInterface;
        _mailbox = new SerialSynchronizationContext();
        _responseTimeout = responseTimeout;
        _logger = logger;
    }

    internal void Delete() => _deleted = true;

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _interface.GetInvoker(targetMethod!).InvokeObserver(this, args ?? []);

    internal Task<T> InvokeAsync<T>(GrainMethodInvoker<T> method, object?[] arguments)
    {
        if (_deleted)
        {
            return Task.FromException<T>(new InvalidOperationException(
                $"The observer reference for {Target.GetType().Name} was deleted."));
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _mailbox.Post(_ => _ = RunAsync(method, arguments, completion), null);
        if (method.IsOneWay)
        {
            return Task.FromResult(default(T)!);
        }

        return completion.Task.WaitAsync(_responseTimeout);
    }

    private async Task RunAsync<T>(GrainMethodInvoker<T> method, object?[] arguments, TaskCompletionSource<T> completion)
    {
        try
        {
            completion.TrySetResult(method.CopyResult(await method.Call(Target, arguments)));
        }
        catch (Exception exception)
        {
            if (method.IsOneWay)
            {
                _logger.LogWarning(exception, "Observer {Observer} failed in {Method}", Target.GetType().Name, method.Name);
                return;
            }

            completion.TrySetException(exception);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ObserverReference:{Target.GetType().Name}";
}
