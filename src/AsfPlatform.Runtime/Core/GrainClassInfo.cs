using System.Reflection;
using AsfPlatform.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Runtime.Core;

/// <summary>What the runtime knows about one grain class: its type name, reentrancy and how to construct it.</summary>
internal sealed class GrainClassInfo
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;
    private readonly PersistentStateAttribute?[] _stateAttributes;

    public GrainClassInfo(Type classType, GrainTypeCounters counters)
    {
        ClassType = classType;
        TypeName = GetGrainTypeName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), false);
        Counters = counters;
        _constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
                       ?? throw new InvalidOperationException($"Grain class {classType.Name} has no public constructor.");
        _parameters = _constructor.GetParameters();
        _stateAttributes = _parameters.Select(p => p.GetCustomAttribute<PersistentStateAttribute>()).ToArray();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_stateAttributes[i] is not null && StateType(_parameters[i].ParameterType) is null)
            {
                throw new InvalidOperationException(
                    $"Parameter '{_parameters[i].Name}' of grain class {classType.Name} has [PersistentState] but is not an IPersistentState<T>.");
            }
        }
    }

    public Type ClassType { get; }

    public string TypeName { get; }

    public bool IsReentrant { get; }

    public GrainTypeCounters Counters { get; }

    /// <summary>[GrainType("name")], else the class name lower-cased without a "Grain" suffix (as Orleans does).</summary>
    public static string GetGrainTypeName(Type classType)
    {
        if (classType.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return attribute.Name;
        }

        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    /// <summary>Creates the grain object, resolving services and creating its persistent states.</summary>
    public Grain Create(IServiceProvider services, GrainActivation activation, List<IPersistentStateControl> states)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (_stateAttributes[i] is { } state)
            {
                var storageName = state.StorageName ?? ProviderConstants.DefaultStorageProviderName;
                var storage = services.GetKeyedService<IGrainStorage>(storageName)
                              ?? throw new InvalidOperationException(
                                  $"Grain {activation.GrainId} needs grain storage '{storageName}' for state '{state.StateName}', " +
                                  $"but none is registered. Register it with silo.AddMemoryGrainStorage(\"{storageName}\") or another storage provider.");
                var control = (IPersistentStateControl)Activator.CreateInstance(
                    typeof(PersistentState<>).MakeGenericType(StateType(parameter.ParameterType)!),
                    state.StateName, storageName, storage, activation)!;
                states.Add(control);
                arguments[i] = control;
            }
            else if (parameter.ParameterType == typeof(IGrainFactory))
            {
                arguments[i] = activation.Runtime;
            }
            else
            {
                arguments[i] = parameter.HasDefaultValue
                    ? services.GetService(parameter.ParameterType) ?? parameter.DefaultValue
                    : services.GetRequiredService(parameter.ParameterType);
            }
        }

        try
        {
            return (Grain)_constructor.Invoke(arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private static Type? StateType(Type parameterType) =>
        parameterType.IsGenericType && parameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>)
            ? parameterType.GetGenericArguments()[0]
            : null;
}
