using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using AsfPlatform.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// The runtime of one host: the grain factory, the catalog of activations (one per grain id) and the lifecycle
/// operations the hosted service and the test cluster use.
/// </summary>
internal sealed class GrainRuntime : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ConditionalWeakTable<IGrainObserver, ObserverReference> _observers = new();
    private volatile bool _stopped;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        GrainTypeRegistry registry,
        GrainRuntimeStatistics statistics,
        ILoggerFactory? loggerFactory = null)
    {
        Services = services;
        Options = options.Value;
        Registry = registry;
        Statistics = statistics;
        Logger = (ILogger?)loggerFactory?.CreateLogger("AsfPlatform.Runtime") ?? NullLogger.Instance;
        ResponseTimeout = Options.ResponseTimeout;
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public GrainTypeRegistry Registry { get; }

    public GrainRuntimeStatistics Statistics { get; }

    public ILogger Logger { get; }

    public TimeSpan ResponseTimeout { get; }

    /// <summary>Activations currently in the catalog (for tests and idle collection).</summary>
    public ICollection<GrainActivation> Activations => _activations.Values;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var grainClass = Registry.GetClass(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        ((GrainReference)(object)proxy).Initialize(
            this, grainClass, GrainInterfaceInfo.Get(typeof(TGrainInterface)), new GrainId(grainClass.TypeName, primaryKey));
        return proxy;
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is not TGrainObserverInterface)
        {
            throw new ArgumentException($"{obj.GetType().Name} does not implement {typeof(TGrainObserverInterface).Name}.", nameof(obj));
        }

        var proxy = DispatchProxy.Create<TGrainObserverInterface, ObserverReference>();
        var reference = (ObserverReference)(object)proxy;
        reference.Initialize(obj, GrainInterfaceInfo.Get(typeof(TGrainObserverInterface)), ResponseTimeout, Logger);
        _observers.AddOrUpdate(obj, reference);
        return proxy;
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        if (_observers.TryGetValue(obj, out var reference))
        {
            reference.Delete();
            _observers.Remove(obj);
        }
    }

    /// <summary>The hot path of every grain call.</summary>
    public Task<T> InvokeAsync<T>(GrainReference reference, GrainMethodInvoker<T> method, object?[] arguments)
    {
        Interlocked.Increment(ref reference.GrainClass.Counters.Calls);
        while (true)
        {
            var activation = reference.CachedActivation;
            if (activation is null || activation.IsInvalid)
            {
                if (_stopped)
                {
                    return Task.FromException<T>(Stopped());
                }

                reference.CachedActivation = activation = GetOrCreateActivation(reference);
            }

            if (activation.TryInvoke(reference, method, arguments) is { } response)
            {
                return response;
            }

            reference.CachedActivation = null;
        }
    }

    /// <summary>Hands a call that outlived its activation to the current one.</summary>
    public void Dispatch(GrainReference reference, IWorkItem item)
    {
        while (true)
        {
            if (_stopped)
            {
                item.Reroute(this, Stopped());
                return;
            }

            if (GetOrCreateActivation(reference).TryEnqueue(item))
            {
                return;
            }
        }
    }

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));

    public long ResponseDeadline() =>
        ResponseTimeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Environment.TickCount64 + (long)ResponseTimeout.TotalMilliseconds;

    /// <summary>Deactivates activations idle for longer than the collection age.</summary>
    public void CollectIdleActivations()
    {
        var now = Environment.TickCount64;
        var age = (long)Options.CollectionAge.TotalMilliseconds;
        foreach (var activation in _activations.Values)
        {
            activation.DeactivateIfIdle(now, age);
        }
    }

    /// <summary>Deactivates one grain (if active here) and waits until it is gone.</summary>
    public Task DeactivateAsync(GrainId grainId, DeactivationReason reason)
    {
        if (!_activations.TryGetValue(grainId, out var activation))
        {
            return Task.CompletedTask;
        }

        activation.RequestDeactivation(reason);
        return activation.Deactivated;
    }

    /// <summary>Deactivates every activation (graceful: <c>OnDeactivateAsync</c> runs) and waits, up to the
    /// deactivation timeout.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken = default)
    {
        var activations = _activations.Values.ToList();
        foreach (var activation in activations)
        {
            activation.RequestDeactivation(reason);
        }

        try
        {
            await Task.WhenAll(activations.Select(a => a.Deactivated))
                .WaitAsync(Options.DeactivationTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // A grain stuck in a request must not keep the host from stopping.
            Logger.LogWarning("Not all grains deactivated within {Timeout}", Options.DeactivationTimeout);
        }
    }

    /// <summary>Graceful shutdown: every activation runs <c>OnDeactivateAsync</c>; afterwards calls fail.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The host is shutting down."), cancellationToken);
        _stopped = true;
        foreach (var activation in _activations.Values)
        {
            activation.Kill(Stopped());
        }
    }

    /// <summary>Drops everything at once, as if the process died: no <c>OnDeactivateAsync</c>, nothing flushed.</summary>
    public void Kill()
    {
        _stopped = true;
        foreach (var activation in _activations.Values)
        {
            activation.Kill(Stopped());
        }
    }

    private GrainActivation GetOrCreateActivation(GrainReference reference)
    {
        // A new activation starts activating when its first request is queued.
        return _activations.GetOrAdd(
            reference.GrainId,
            static (id, state) => new GrainActivation(state.Runtime, state.GrainClass, id),
            (Runtime: this, reference.GrainClass));
    }

    private static InvalidOperationException Stopped() => new("The grain runtime of this host is stopped.");
}
