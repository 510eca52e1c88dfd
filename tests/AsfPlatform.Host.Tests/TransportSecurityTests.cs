using Microsoft.AspNetCore.Hosting;
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

    [Fact]
    public async Task With_its_https_port_known_the_host_redirects_plain_http_to_https()
    {
        using var behindProxy = factory.WithWebHostBuilder(builder => builder.UseSetting("https_port", "443"));
        var client = behindProxy.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://asf.example.se"), AllowAutoRedirect = false,
        });

        var response = await client.GetAsync("/logga-in");

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://asf.example.se/logga-in", response.Headers.Location!.ToString());
    }
}
