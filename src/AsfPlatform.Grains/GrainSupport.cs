using System.Text.Json;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

internal static class GrainSupport
{
    private static readonly JsonSerializerOptions Json = new();
    private static readonly JsonSerializerOptions AuditJsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A value as the audit log shows it (the web's camelCase JSON, as the domain writer writes its notes).</summary>
    public static string AuditJson<T>(T value) => JsonSerializer.Serialize(value, AuditJsonOptions);

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
            await Write(state);
        }
        catch
        {
            drop();
            throw;
        }
    }

    /// <summary>
    /// Writes the state, then drops from its audit outbox the notes this write carried: the storage inserted them into
    /// the audit log in the write's own transaction. Notes added while the write was in flight stay for the next one.
    /// The dropping is not written by itself; the next write carries the shorter outbox, and a note written again is
    /// stored once (the log keeps each note id once).
    /// </summary>
    public static async Task Write<T>(IPersistentState<T> state)
    {
        var outbox = (state.State as IAuditOutboxState)?.AuditOutbox;
        var carried = outbox?.Count ?? 0; // counted before the storage takes the state (it does so synchronously)
        await state.WriteStateAsync();
        if (carried > 0 && ReferenceEquals(outbox, (state.State as IAuditOutboxState)?.AuditOutbox))
            outbox!.RemoveRange(0, Math.Min(carried, outbox.Count));
    }

    /// <summary>Puts a change's audit note into the state's outbox, in the same turn as the change itself.</summary>
    public static void Note(IAuditOutboxState state, AuditNote? note)
    {
        if (note is not null) state.AuditOutbox.Add(note);
    }

    /// <summary>Sends one source's new observations to the plans that read them.</summary>
    public static Task Push(IGrainFactory factory, IEnumerable<string> planKeys, ObservationUpdate update) =>
        Task.WhenAll(planKeys.Select(k => factory.GetGrain<IPlanFactsGrain>(k).ApplyObservations(update)));
}
