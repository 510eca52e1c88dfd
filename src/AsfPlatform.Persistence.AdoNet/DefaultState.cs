namespace AsfPlatform.Persistence.AdoNet;

/// <summary>The state a grain sees when nothing is stored: a new instance when the type has a parameterless
/// constructor (as Orleans does), otherwise the type's default.</summary>
internal static class DefaultState<T>
{
    private static readonly bool Constructible =
        typeof(T).IsValueType || (!typeof(T).IsAbstract && typeof(T).GetConstructor(Type.EmptyTypes) is not null);

    public static T Create() => Constructible ? Activator.CreateInstance<T>() : default!;
}
