using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The API's ETags as tests read them: <c>"{resource tag}-v{version}"</c>, the tag naming the resource. Tests change
/// only the version part, so a stale ETag is still the same resource's.
/// </summary>
public static partial class ETags
{
    /// <summary>The version an ETag carries.</summary>
    public static long Version(string etag) => long.Parse(Parts(etag).Groups["version"].Value);

    /// <summary>The part that names the resource.</summary>
    public static string Resource(string etag) => Parts(etag).Groups["tag"].Value;

    /// <summary>The same resource's ETag at another version.</summary>
    public static string WithVersion(string etag, long version) => $"\"{Resource(etag)}-v{version}\"";

    private static Match Parts(string etag)
    {
        var match = Shape().Match(etag);
        Assert.True(match.Success, $"not an ETag of the API: {etag}");
        return match;
    }

    [GeneratedRegex("^\"(?<tag>[0-9a-f]{12})-v(?<version>[0-9]+)\"$")]
    private static partial Regex Shape();
}
