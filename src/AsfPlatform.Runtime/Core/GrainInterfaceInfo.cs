using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace AsfPlatform.Runtime.Core;

/// <summary>The compiled invokers of one grain or observer interface (its methods and those it inherits).</summary>
internal sealed class GrainInterfaceInfo
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInfo> Cache = new();
    private readonly FrozenDictionary<MethodInfo, GrainMethodInvoker> _invokers;

    private GrainInterfaceInfo(Type interfaceType)
    {
        InterfaceType = interfaceType;
        _invokers = new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .SelectMany(i => i.GetMethods())
            .ToFrozenDictionary(m => m, GrainMethodInvoker.Create);
    }

    public Type InterfaceType { get; }

    public static GrainInterfaceInfo Get(Type interfaceType) =>
        Cache.GetOrAdd(interfaceType, static type => new GrainInterfaceInfo(type));

    public GrainMethodInvoker GetInvoker(MethodInfo method) =>
        _invokers.TryGetValue(method, out var invoker)
            ? invoker
            : throw new NotSupportedException($"{method.Name} is not a method of {InterfaceType.Name}.");
}
