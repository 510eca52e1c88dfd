using System.Text.Json;

namespace AsfPlatform.Host.Tests;

/// <summary>One operation of the OpenAPI document, with its <c>$ref</c>s resolvable against the document.</summary>
public sealed record ApiOperation(ApiDocument Document, string Method, string Path, JsonElement Element)
{
    public string? Summary => Element.TryGetProperty("summary", out var s) ? s.GetString() : null;

    public string? Description => Element.TryGetProperty("description", out var d) ? d.GetString() : null;

    public bool IsWrite => Method is not ("get" or "head");

    public bool IsAnonymousOnPurpose => Element.TryGetProperty("x-anonymous", out var a) && a.ValueKind == JsonValueKind.True;

    /// <summary>The security scheme names of every requirement.</summary>
    public IReadOnlyList<string> SecuritySchemes => Element.TryGetProperty("security", out var s)
        ? s.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList()
        : [];

    /// <summary>The parameters, references resolved.</summary>
    public IReadOnlyList<JsonElement> Parameters => Element.TryGetProperty("parameters", out var p)
        ? p.EnumerateArray().Select(Document.Resolve).ToList()
        : [];

    public IEnumerable<string> HeaderNames => Parameters.Where(p => p.GetProperty("in").GetString() == "header")
        .Select(p => p.GetProperty("name").GetString()!);

    public IEnumerable<string> PathParameters => Parameters.Where(p => p.GetProperty("in").GetString() == "path")
        .Select(p => p.GetProperty("name").GetString()!);

    /// <summary>The documented statuses, and each response resolved.</summary>
    public IReadOnlyDictionary<int, JsonElement> Responses => Element.GetProperty("responses").EnumerateObject()
        .ToDictionary(r => int.Parse(r.Name), r => Document.Resolve(r.Value));

    public JsonElement? RequestBody => Element.TryGetProperty("requestBody", out var b) ? Document.Resolve(b) : null;

    /// <summary>Whether the operation takes a JSON body (uploads of files take their own media types).</summary>
    public bool HasJsonBody => RequestBody is { } body && body.GetProperty("content").TryGetProperty("application/json", out _);

    /// <summary>The request example of the JSON body, if any.</summary>
    public JsonElement? Example => RequestBody is { } body && body.GetProperty("content").TryGetProperty("application/json", out var media)
        && media.TryGetProperty("example", out var example) ? example : null;

    /// <summary>The path with its parameters filled in from <paramref name="values"/>.</summary>
    public string Url(IReadOnlyDictionary<string, string> values) =>
        PathParameters.Aggregate(Path, (path, name) => path.Replace($"{{{name}}}", Uri.EscapeDataString(values[name])));

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
}

/// <summary>The host's OpenAPI document as a client reads it: operations, components, references.</summary>
public sealed class ApiDocument(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static async Task<ApiDocument> ReadAsync(HttpClient client) =>
        new(JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone());

    public IReadOnlyList<ApiOperation> Operations => Root.GetProperty("paths").EnumerateObject()
        .SelectMany(path => path.Value.EnumerateObject()
            .Where(op => op.Name is "get" or "put" or "post" or "delete" or "patch")
            .Select(op => new ApiOperation(this, op.Name, path.Name, op.Value)))
        .ToList();

    /// <summary>The one operation whose summary starts with <paramref name="summary"/>.</summary>
    public ApiOperation BySummary(string summary) => Operations.Single(o => o.Summary?.StartsWith(summary, StringComparison.Ordinal) == true);

    /// <summary>Follows <c>$ref</c> ("#/components/responses/Problem412") to what it names.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = Root;
            foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
                target = target.GetProperty(segment);
            element = target;
        }
        return element;
    }
}
