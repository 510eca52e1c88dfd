using System.Reflection;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// A reference to a grain: a <see cref="DispatchProxy"/> implementing the grain interface that turns each call into
/// a request to the grain's activation. Cheap to create and safe to keep; it remembers the activation it last used.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainInterfaceInfo _interface = null!;

    internal GrainRuntime Runtime { get; private set; } = null!;

    internal GrainClassInfo GrainClass { get; private set; } = null!;

    /// <summary>The referenced grain.</summary>
    public GrainId GrainId { get; private set; }

    /// <summary>The activation this reference last reached; re-resolved once it is gone.</summary>
    internal GrainActivation? CachedActivation { get; set; }

    internal void Initialize(GrainRuntime runtime, GrainClassInfo grainClass, GrainInterfaceInfo grainInterface, GrainId grainId)
    {
        Runtime = runtime;
        GrainClass = grainClass;
        _interface = grainInterface;
        GrainId = grainId;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _interface.GetInvoker(targetMethod!).InvokeGrain(this, args ?? []);

    /// <inheritdoc />
    public override string ToString() => $"GrainReference:{GrainId}";

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();
}
