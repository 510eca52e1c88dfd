using System.Net;
using System.Text.Json;

namespace AsfPlatform.Host.Tests;

public sealed class HealthTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Fact]
    public async Task Healthz_answers_200_with_the_runtime_up_and_the_storage_reachable()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", body.RootElement.GetProperty("runtime").GetString());
        Assert.Equal("reachable", body.RootElement.GetProperty("storage").GetString());
        Assert.Equal("Sqlite", body.RootElement.GetProperty("provider").GetString());
    }
}
