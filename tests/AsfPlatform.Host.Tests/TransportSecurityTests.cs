using Microsoft.AspNetCore.Mvc.Testing;

namespace AsfPlatform.Host.Tests;

/// <summary>Over HTTPS the host tells browsers to keep to HTTPS (HSTS); over plain HTTP it says nothing of the kind.</summary>
public sealed class TransportSecurityTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Fact]
    public async Task A_page_served_over_https_carries_strict_transport_security()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://asf.example.se") });

        var response = await client.GetAsync("/logga-in");

        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), "HSTS saknas");
        Assert.Contains("max-age=31536000", values.Single());
    }

    [Fact]
    public async Task A_page_served_over_plain_http_carries_no_strict_transport_security()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://asf.example.se") });

        var response = await client.GetAsync("/logga-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
