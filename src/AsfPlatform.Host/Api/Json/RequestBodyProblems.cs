using System.Text.Json;
using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Api.Json;

/// <summary>
/// A request the API could not bind (a body that is not JSON, a property of the wrong type, a required property
/// missing, an unknown property, a query value that does not parse) as a Swedish ValidationProblem whose
/// <c>errors</c> are keyed by the JSON property path as sent (<c>employedWomen</c>, <c>use.placesUsed</c>,
/// <c>organisers[0]</c>; <c>$</c> for the body as a whole). The framework says what failed only in English
/// exception messages, so they are read here, in one place.
/// </summary>
internal static partial class RequestBodyProblems
{
    /// <summary>The key of an error about the body as a whole (the JSON path of its root).</summary>
    public const string Root = "$";

    /// <summary>
    /// The answer for a binding failure (400). <paramref name="body"/> is the endpoint's body type, which says what a
    /// property of the wrong type should have been. (A body not sent as JSON is a 415 the framework answers without
    /// throwing; its ProblemDetails gets its Swedish title from <see cref="Errors.SwedishProblemTitles"/>.)
    /// </summary>
    public static IResult For(BadHttpRequestException exception, Type? body)
    {
        var errors = exception.InnerException is JsonException json ? FromJson(json, body) : FromBinding(exception);
        var detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return TypedResults.ValidationProblem(errors, title: ApiProblems.ValidationTitle, detail: detail);
    }

    /// <summary>The .NET type at a JSON path ("use.placesUsed", "organisers[0]") of <paramref name="body"/>, if it can be followed.</summary>
    private static Type? TypeAt(Type? body, string path)
    {
        var type = body;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (type is null) return null;
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            type = type.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
            if (type is not null && bracket >= 0)
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
        }
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Dictionary<string, string[]> FromJson(JsonException json, Type? body)
    {
        var at = Path(json.Path);
        var message = json.Message;
        if (UnknownProperty().Match(message) is { Success: true } unknown)
            return One(Join(Parent(json.Path, unknown.Groups[1].Value), unknown.Groups[1].Value),
                "Egenskapen finns inte i den här begäran. Kontrollera stavningen (namnen skrivs som i API-beskrivningen).");
        if (MissingRequired().Match(message) is { Success: true } missing)
            return Quoted().Matches(missing.Groups[1].Value).ToDictionary(m => Join(at, m.Groups[1].Value),
                _ => new[] { "Egenskapen måste skickas." });
        if (NotConvertible().Match(message) is { Success: true } type)
            return One(at.Length == 0 ? Root : at,
                $"Värdet har fel typ: {Expected(TypeAt(body, at)?.FullName ?? type.Groups[1].Value)} förväntas.");
        return One(at.Length == 0 ? Root : at, "Innehållet är inte giltig JSON.");
    }

    private static Dictionary<string, string[]> FromBinding(BadHttpRequestException exception)
    {
        // 'Failed to bind parameter "DateOnly? asOf" from "x".' names the query or route value.
        if (Parameter().Match(exception.Message) is { Success: true } parameter && !exception.Message.Contains("body", StringComparison.Ordinal))
            return One(parameter.Groups[2].Value, $"Värdet har fel form: {Expected(parameter.Groups[1].Value)} förväntas.");
        return One(Root, "Begäran saknar innehåll; skicka ett JSON-objekt.");
    }

    /// <summary>The expected value in Swedish, from the .NET type name the framework names.</summary>
    private static string Expected(string typeName)
    {
        if (typeName.Contains("List`1", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal)) return "en lista";
        var name = typeName.TrimEnd('?', ']').Split('.', '[')[^1];
        if (name is "Int32" or "Int64" or "int" or "long") return "ett heltal";
        if (name is "Decimal" or "Double" or "decimal" or "double") return "ett tal";
        if (name is "Boolean" or "bool") return "true eller false";
        if (name is "DateOnly") return "ett datum (ÅÅÅÅ-MM-DD)";
        if (name is "String" or "string") return "en text";
        // The API's enums live in the domain (EventType, LegalForm …) and are written by name.
        var fullName = typeName.TrimEnd('?', ']').Split('[')[^1];
        var enumType = typeof(global::AsfPlatform.Domain.Model.Company).Assembly.GetType(fullName);
        return enumType is { IsEnum: true } ? $"ett av värdena {string.Join(", ", Enum.GetNames(enumType))}" : "ett objekt";
    }

    // "$.use.placesUsed" → "use.placesUsed"; "$" → "".
    private static string Path(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The reader's path may already end at the unknown property ("$.x") or at its object ("$").
    private static string Parent(string? path, string property)
    {
        var at = Path(path);
        return at == property || at.EndsWith("." + property, StringComparison.Ordinal) ? at[..^property.Length].TrimEnd('.') : at;
    }

    private static string Join(string parent, string property) => parent.Length == 0 ? property : $"{parent}.{property}";

    private static Dictionary<string, string[]> One(string key, string message) => new() { [key] = [message] };

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"missing required properties including: (.*)$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path")]
    private static partial Regex NotConvertible();

    [GeneratedRegex("parameter \"([^\"]+) ([^\" ]+)\"")]
    private static partial Regex Parameter();
}
