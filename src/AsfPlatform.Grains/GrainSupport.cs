using System.Text.Json;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

internal static class GrainSupport
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>Throws when the caller's expected version is not the current one.</summary>
    public static void CheckVersion(string key, long? expected, long current)
    {
        if (expected is { } e && e != current) throw new ConcurrencyConflictException(key, e, current);
    }

    /// <summary>Structural equality of DTOs (records holding lists compare by reference otherwise). Recording the
    /// same thing twice is then a no-op, which makes imports idempotent.</summary>
    public static bool Same<T>(T a, T b) =>
        JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    public static void Reject(string field, string message) => throw ValidationException.For(field, message);

    /// <summary>Replaces the item with the same id, or adds it; false when an equal item was already there.</summary>
    public static bool Upsert<T>(List<T> list, T item, Func<T, string> id)
    {
        var i = list.FindIndex(x => id(x) == id(item));
        if (i >= 0 && Same(list[i], item)) return false;
        if (i >= 0) list[i] = item; else list.Add(item);
        return true;
    }

    /// <summary>
    /// Writes the state. A failed write leaves the activation holding changes that storage may not have, so it is
    /// dropped (<paramref name="drop"/>: the grain's <c>DeactivateOnIdle</c>) and the next call reloads what is stored.
    /// </summary>
    public static async Task WriteOrDrop<T>(IPersistentState<T> state, Action drop)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            drop();
            throw;
        }
    }

    /// <summary>Sends one source's new observations to the plans that read them.</summary>
    public static Task Push(IGrainFactory factory, IEnumerable<string> planKeys, ObservationUpdate update) =>
        Task.WhenAll(planKeys.Select(k => factory.GetGrain<IPlanFactsGrain>(k).ApplyObservations(update)));
}
