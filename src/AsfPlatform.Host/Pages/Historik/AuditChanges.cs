using System.Text.Json;

namespace AsfPlatform.Host.Pages.Historik;

/// <summary>One field of a change: its Swedish label, and the value before and after in words.</summary>
public sealed record AuditChange(string Field, string Before, string After);

/// <summary>The fields an audit entry changed, found by comparing its before and after JSON field by field.</summary>
public static class AuditChanges
{
    // Bookkeeping the grains keep beside the thing itself: its version says nothing to a reader.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "version", "id" };

    /// <summary>The changed fields, in the order the after state lists them. A created or removed thing lists the
    /// fields it had (with "–" on the missing side); lists and plans' long contents are summarised, never dumped.</summary>
    public static IReadOnlyList<AuditChange> Of(string? beforeJson, string? afterJson)
    {
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        var changes = new List<AuditChange>();
        foreach (var path in after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))))
        {
            before.TryGetValue(path, out var b);
            after.TryGetValue(path, out var a);
            var was = AuditValues.Format(path, b);
            var now = AuditValues.Format(path, a);
            if (was != now)
                changes.Add(new AuditChange(AuditValues.Label(path), was, now));
        }
        return changes;
    }

    /// <summary>Leaf values by path ("aktivitet.audience.employees"); arrays are leaves, objects are walked.</summary>
    private static Dictionary<string, JsonElement?> Flatten(string? json)
    {
        var leaves = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
            return leaves;
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement.Clone(), "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, JsonElement?> leaves)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            leaves[path] = element;
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (Hidden.Contains(property.Name))
                continue;
            var child = path.Length == 0 ? property.Name : path + "." + property.Name;
            // An array of objects (a plan's goals, an owner's subregions) reads as a count or a list of names.
            if (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
                leaves[child] = Summary(property.Value);
            else
                Walk(property.Value, child, leaves);
        }
    }

    private static JsonElement Summary(JsonElement array)
    {
        var names = array.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Object && (e.TryGetProperty("name", out var n) || e.TryGetProperty("title", out n))
                && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
            .ToList();
        return names.All(n => n is not null) && names.Count <= 12
            ? JsonSerializer.SerializeToElement(names)
            : JsonSerializer.SerializeToElement($"{names.Count} st");
    }
}
