using System.Collections.Concurrent;

namespace AsfPlatform.Runtime.Core;

/// <summary>A grain class registered with <c>silo.AddGrain&lt;T&gt;()</c> or <c>silo.AddGrains(...)</c>.</summary>
internal sealed record GrainClassRegistration(Type ClassType);

/// <summary>Maps grain interfaces to the registered grain classes (one implementation per interface).</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, List<GrainClassInfo>> _byInterface = [];
    private readonly ConcurrentDictionary<Type, GrainClassInfo> _resolved = new();

    public GrainTypeRegistry(IEnumerable<GrainClassRegistration> registrations, GrainRuntimeStatistics statistics)
    {
        var classes = registrations.Select(r => r.ClassType).Distinct().ToList();
        foreach (var duplicate in classes.GroupBy(GrainClassInfo.GetGrainTypeName).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException(
                $"Grain type name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(t => t.FullName))}; " +
                "give one of them a [GrainType(\"...\")].");
        }

        foreach (var classType in classes)
        {
            var info = new GrainClassInfo(classType, statistics.For(GrainClassInfo.GetGrainTypeName(classType)));
            Classes.Add(info);
            foreach (var grainInterface in classType.GetInterfaces().Where(IsGrainInterface))
            {
                if (!_byInterface.TryGetValue(grainInterface, out var list))
                {
                    _byInterface[grainInterface] = list = [];
                }

                list.Add(info);
            }
        }
    }

    public List<GrainClassInfo> Classes { get; } = [];

    public GrainClassInfo GetClass(Type grainInterface) => _resolved.GetOrAdd(grainInterface, Resolve);

    private GrainClassInfo Resolve(Type grainInterface)
    {
        if (!_byInterface.TryGetValue(grainInterface, out var list))
        {
            throw new InvalidOperationException(
                $"No grain class implementing {grainInterface.FullName} is registered. " +
                "Register it with silo.AddGrain<T>() or silo.AddGrains(assembly).");
        }

        if (list.Count > 1)
        {
            throw new InvalidOperationException(
                $"Grain interface {grainInterface.FullName} is implemented by several grain classes " +
                $"({string.Join(", ", list.Select(c => c.ClassType.Name))}); the runtime needs exactly one.");
        }

        return list[0];
    }

    private static bool IsGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey)
        && type != typeof(IAddressable);
}
