using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// Copies mutable arguments and results so a caller and a grain never share a mutable object (Orleans copies
/// everything not marked <see cref="ImmutableAttribute"/>). Records, primitives, strings, immutable collections and
/// grain references pass as they are; anything else makes a System.Text.Json round trip.
/// </summary>
internal static class DeepCopier
{
    private static readonly ConcurrentDictionary<Type, bool> ImmutableTypes = new();
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true };

    /// <summary>Whether values declared as <paramref name="declaredType"/> never need a copy, whatever their runtime type.</summary>
    public static bool NeverCopies(Type declaredType) =>
        (declaredType.IsValueType || declaredType.IsSealed || IsRecordClass(declaredType)
         || typeof(IAddressable).IsAssignableFrom(declaredType))
        && IsImmutable(declaredType);

    public static bool IsImmutable(Type type) => ImmutableTypes.GetOrAdd(type, ComputeIsImmutable);

    public static T Copy<T>(T value) => value is null ? value : (T)Copy((object)value)!;

    public static object? Copy(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.GetType();
        if (IsImmutable(type))
        {
            return value;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(value, type, Options);
        return JsonSerializer.Deserialize(json, type, Options);
    }

    private static bool ComputeIsImmutable(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid) || type == typeof(Uri)
            || type == typeof(Version) || type == typeof(CancellationToken) || type == typeof(object)
            || typeof(Delegate).IsAssignableFrom(type) || typeof(Type).IsAssignableFrom(type)
            || typeof(IAddressable).IsAssignableFrom(type) || type.IsDefined(typeof(ImmutableAttribute), false)
            || type.Namespace == "System.Collections.Immutable" || IsRecordClass(type))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying);
        }

        // A struct is copied by value; it is safe when nothing it holds is a shared mutable object.
        if (type.IsValueType)
        {
            return type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .All(field => field.FieldType == type || IsImmutable(field.FieldType));
        }

        return false;
    }

    // The compiler gives record classes a "<Clone>$" method; there is no other marker.
    private static bool IsRecordClass(Type type) =>
        type.IsClass && type.GetMethod("<Clone>$", BindingFlags.Instance | BindingFlags.Public) is not null;
}
