namespace AsfPlatform.Runtime;

/// <summary>Names a grain class's type for storage and identity (Orleans' <c>[GrainType]</c>). Keep it stable.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The stable grain type name.</summary>
    public string Name { get; } = name;
}

/// <summary>Lets requests to this grain interleave at await points (Orleans' <c>[Reentrant]</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>Lets calls to this interface method interleave with any other request (Orleans' <c>[AlwaysInterleave]</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>Marks a type as deeply immutable so the runtime passes it without copying (Orleans' <c>[Immutable]</c>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;

/// <summary>Marks a one-way call: the caller does not wait for the callee (Orleans' <c>[OneWay]</c>), used by observers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

/// <summary>
/// Asks the runtime to inject an <see cref="IPersistentState{TState}"/> into a grain constructor parameter,
/// loaded before <c>OnActivateAsync</c> (Orleans' <c>[PersistentState]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>Name of the state; several states of one grain are stored independently.</summary>
    public string StateName { get; } = stateName;

    /// <summary>Name of the registered storage provider; null means the default provider.</summary>
    public string? StorageName { get; } = storageName;
}
