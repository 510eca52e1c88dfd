using AsfPlatform.Contracts;

namespace AsfPlatform.Host.Api;

/// <summary>
/// What a version (ETag) belongs to, in Swedish, from the grain key that refused it: a 412 then says whose version
/// was expected ("aktiviteten har version 0"), instead of leaving the caller to guess whether the insats's ETag,
/// the plan's or the event's was meant.
/// </summary>
internal static class VersionedResources
{
    /// <summary>
    /// The detail of a 412 for a stale If-Match, or for one that is <paramref name="foreign"/> (another resource's
    /// ETag); <paramref name="currentETag"/> is the resource's ETag now, when known.
    /// </summary>
    public static string StaleDetail(string key, string sent, bool foreign, long current, string? currentETag)
    {
        var what = Describe(key, out var hint);
        var etag = currentETag is null ? "" : $" (ETag {currentETag})";
        var state = current == 0 ? $"{what} finns inte än (version 0)" : $"{what} har version {current}{etag}";
        var cause = foreign
            ? $"If-Match {sent} är ETag:en för en annan post än den som ändras: {state}. "
            : $"Uppgifterna har ändrats av någon annan sedan du läste dem: {state}, men If-Match angav {sent}. ";
        return cause + hint +
               "Läs in posten på nytt och skicka dess ETag i If-Match; skapa något nytt med If-None-Match: *.";
    }

    private static string Describe(string key, out string hint)
    {
        hint = "";
        var parts = GrainKeys.Segments(key);
        switch (parts.Length)
        {
            case 1:
                return $"organisationen {parts[0]}";
            case 2 when parts[1].Length > 1 && parts[1][0] == 'k' && parts[1][1..].All(char.IsAsciiDigit):
                return $"kommunen {parts[1][1..]}";
            case 2:
                return $"insatsen {parts[1]}";
            case 3 when parts[1] == "company":
                return $"företaget {parts[2]}";
            case 3:
                return $"handlingsplanen {parts[2]} för insatsen {parts[1]}";
            case 4 when parts[2] == "events":
                // An event's version is its own: GET …/events/{eventId} gives it.
                hint = "En aktivitet har en egen ETag (GET …/insatser/{insatsId}/events/{eventId}), inte insatsens. ";
                return $"aktiviteten (i händelselistan för {parts[3]})";
            default:
                return $"posten {GrainKeys.PathOf(key)}";
        }
    }
}
