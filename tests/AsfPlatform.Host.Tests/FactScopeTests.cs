using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AsfPlatform.Host.Tests;

/// <summary>A fact belongs to one of the owner's municipalities, and an event keeps the municipality it was recorded in.</summary>
public sealed class FactScopeTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is JsonNode node ? new StringContent(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (ifMatch is null) request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        else request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task An_event_in_a_municipality_that_is_not_the_owners_is_refused_naming_kommunkod_and_not_stored()
    {
        var admin = await AdminAsync();

        var refused = await SendAsync(admin, HttpMethod.Post, WriteEndpoint.Insats + "/events", new
        {
            id = "k1380-halmstad", date = "2017-05-05", type = "Seminarium", title = "Seminarium i Halmstad", kommunkod = "1380",
            organisers = Array.Empty<string>(), audience = new { },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(refused)).GetProperty("errors").TryGetProperty("kommunkod", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(WriteEndpoint.Insats + "/events/k1380-halmstad")).StatusCode);
    }

    [Fact]
    public async Task A_placement_in_a_municipality_that_is_not_the_owners_is_refused_naming_kommunkod()
    {
        var admin = await AdminAsync();
        var etag = (await admin.GetAsync(WriteEndpoint.Insats)).Headers.ETag!.Tag;

        var refused = await SendAsync(admin, HttpMethod.Put, WriteEndpoint.Insats + "/placements", new
        {
            id = "p-halmstad", year = 2017, kommunkod = "1380", placesGranted = 2, targetGroup = "Unga", dailyRate = 300,
        }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(refused)).GetProperty("errors").TryGetProperty("kommunkod", out _));
    }

    [Fact]
    public async Task An_event_keeps_the_municipality_it_was_recorded_in()
    {
        var admin = await AdminAsync();
        var created = await SendAsync(admin, HttpMethod.Post, WriteEndpoint.Insats + "/events", new
        {
            id = "k2183-flyttas", date = "2017-05-05", type = "Seminarium", title = "Seminarium i Bollnäs", kommunkod = "2183",
            organisers = Array.Empty<string>(), audience = new { },
        });
        var moved = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["event"]!.DeepClone();
        moved["kommunkod"] = "2184";

        var refused = await SendAsync(admin, HttpMethod.Post, WriteEndpoint.Insats + "/events?reason=Fel%20kommun", moved,
            created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(refused)).GetProperty("errors").TryGetProperty("kommunkod", out _));
        var stored = JsonNode.Parse(await admin.GetStringAsync(WriteEndpoint.Insats + "/events/k2183-flyttas"))!;
        Assert.Equal("2183", stored["event"]!["kommunkod"]!.GetValue<string>());
    }
}
