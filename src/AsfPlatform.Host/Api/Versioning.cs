using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace AsfPlatform.Host.Api;

/// <summary>
/// ETags and the If-Match rules for updates. An ETag names its resource and its version (<c>"3fa94c1e07d2-v7"</c>:
/// a short hash of the resource's address from <see cref="ResourcePaths"/>, then the version), so an ETag copied from
/// another resource never matches, even when the version numbers do.
/// </summary>
internal static class Versioning
{
    /// <summary>
    /// The version an update is sent on when its If-Match names another resource: no resource ever has it, so the
    /// write is refused with 412 by the same version check (and answered with the current ETag) as a stale one.
    /// </summary>
    public const long ForeignVersion = -1;

    private const string ResourceItem = "asf.versioned-resource";

    /// <summary>The ETag of <paramref name="resource"/> (its address) at <paramref name="version"/>.</summary>
    public static string ETag(string resource, long version) => $"\"{Tag(resource)}-v{version}\"";

    private static string Tag(string resource) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource)))[..12];

    /// <summary>Returns <paramref name="body"/> with the ETag of <paramref name="resource"/> at <paramref name="version"/>.</summary>
    public static IResult WithETag<T>(HttpContext context, T body, string resource, long version)
    {
        context.Response.Headers[HeaderNames.ETag] = ETag(resource, version);
        return TypedResults.Ok(body);
    }

    /// <summary>Returns a domain snapshot with its own ETag.</summary>
    public static IResult WithETag<T>(HttpContext context, T snapshot) where T : notnull
    {
        var (path, version) = ResourcePaths.Of(snapshot)
            ?? throw new ArgumentException($"{typeof(T).Name} is not a versioned snapshot.", nameof(snapshot));
        return WithETag(context, snapshot, path, version);
    }

    /// <summary>The resource the request's If-Match was checked against (for the ETag of a 412), if any.</summary>
    public static string? CheckedResource(HttpContext context) => context.Items[ResourceItem] as string;

    /// <summary>
    /// Whether the request asks to create only (<c>If-None-Match: *</c> without If-Match): it then needs no version
    /// and fails with 412 when the thing already exists.
    /// </summary>
    public static bool IsCreateOnly(HttpRequest request) =>
        request.Headers[HeaderNames.IfMatch].ToString().Trim().Length == 0 &&
        request.Headers[HeaderNames.IfNoneMatch].ToString().Trim() == "*";

    /// <summary>
    /// The version an update of <paramref name="resource"/> expects, from If-Match. Missing: 428 (updates must say what
    /// they change); unreadable or another resource's ETag: <see cref="ForeignVersion"/>, which the version check
    /// refuses with 412.
    /// </summary>
    public static bool TryGetExpectedVersion(HttpRequest request, string resource, out long version, out IResult? problem)
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
        request.HttpContext.Items[ResourceItem] = resource;
        // Unreadable or another resource's: it cannot match, and the write's own checks (fields, scope) still come
        // first, so the answer does not depend on which wrong ETag was sent.
        if (!TryParse(header, out var tag, out version) || !string.Equals(tag, Tag(resource), StringComparison.OrdinalIgnoreCase))
            version = ForeignVersion;
        return true;
    }

    // "3fa94c1e07d2-v7", quoted, possibly weak (W/).
    private static bool TryParse(string header, out string tag, out long version)
    {
        tag = "";
        version = 0;
        if (header.StartsWith("W/", StringComparison.Ordinal))
            header = header[2..];
        if (header.Length < 2 || header[0] != '"' || header[^1] != '"')
            return false;
        var inner = header[1..^1];
        var dash = inner.LastIndexOf("-v", StringComparison.Ordinal);
        if (dash <= 0 || !long.TryParse(inner.AsSpan(dash + 2), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out version))
            return false;
        tag = inner[..dash];
        return true;
    }
}
