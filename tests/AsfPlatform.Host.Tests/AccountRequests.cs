using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>Account reads and writes over the API with the ETag they need, for the user administration tests.</summary>
public static class AccountRequests
{
    /// <summary>The ETag of GET <paramref name="path"/> (an account or /api/me).</summary>
    public static async Task<string> ETagAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    /// <summary>Sends JSON with If-Match (none when <paramref name="etag"/> is null).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    /// <summary>Reads and then changes an account in one go (PATCH /api/users/{userName}).</summary>
    public static async Task<HttpResponseMessage> PatchUserAsync(HttpClient admin, string userName, object change) =>
        await SendAsync(admin, HttpMethod.Patch, $"/api/users/{userName}", change, await ETagAsync(admin, $"/api/users/{userName}"));

    /// <summary>The hidden field value of the status form of one account on the admin page, as a browser would send it.</summary>
    public static Dictionary<string, string> StatusFormOf(string adminPage, string userName)
    {
        var form = Regex.Match(adminPage,
            $"<form[^>]*handler=Status[^>]*>(?<fields>(?:(?!</form>).)*name=\"StatusUserName\" value=\"{Regex.Escape(userName)}\"(?:(?!</form>).)*)</form>",
            RegexOptions.Singleline);
        Assert.True(form.Success, $"No status form for {userName} on the page");
        return Regex.Matches(form.Groups["fields"].Value, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")
            .ToDictionary(m => m.Groups["name"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
    }
}
