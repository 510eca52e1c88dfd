using Microsoft.Net.Http.Headers;

namespace AsfPlatform.Host.Api;

/// <summary>ETags from snapshot versions and the If-Match rules for updates.</summary>
internal static class Versioning
{
    public static string ETag(long version) => $"\"v{version}\"";

    /// <summary>Returns the snapshot with its ETag header.</summary>
    public static IResult WithETag<T>(HttpContext context, T snapshot, long version)
    {
        context.Response.Headers[HeaderNames.ETag] = ETag(version);
        return TypedResults.Ok(snapshot);
    }

    /// <summary>
    /// Whether the request asks to create only (<c>If-None-Match: *</c> without If-Match): it then needs no version
    /// and fails with 412 when the thing already exists.
    /// </summary>
    public static bool IsCreateOnly(HttpRequest request) =>
        request.Headers[HeaderNames.IfMatch].ToString().Trim().Length == 0 &&
        request.Headers[HeaderNames.IfNoneMatch].ToString().Trim() == "*";

    /// <summary>
    /// The version an update expects, from If-Match. Missing: 428 (updates must say what they change);
    /// unreadable: 412 (it cannot match).
    /// </summary>
    public static bool TryGetExpectedVersion(HttpRequest request, out long version, out IResult? problem)
    {
        version = 0;
        problem = null;
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0)
        {
            problem = TypedResults.Problem("Ändringar kräver huvudet If-Match med den ETag du fick när du läste posten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match saknas");
            return false;
        }
        if (header.StartsWith("W/", StringComparison.Ordinal))
            header = header[2..];
        var inner = header.Trim('"');
        if (inner.StartsWith('v') && long.TryParse(inner[1..], out version))
            return true;
        problem = TypedResults.Problem($"If-Match \"{header}\" är inte en ETag från AsfPlatform.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Fel version");
        return false;
    }
}
