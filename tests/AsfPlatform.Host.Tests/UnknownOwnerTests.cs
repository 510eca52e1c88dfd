using System.Net;
using System.Net.Http.Json;

namespace AsfPlatform.Host.Tests;

/// <summary>Every route under an owner that does not exist answers 404 in Swedish, not an empty 200.</summary>
public sealed class UnknownOwnerTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["owner"] = "finns-inte", ["insatsId"] = "asf-2016-2020", ["kommunkod"] = "2183", ["companyId"] = "asf-gladjeverket",
        ["year"] = "2017", ["eventId"] = "k2183-x", ["kind"] = "foretagsuppgifter",
    };

    [Fact]
    public async Task Every_GET_route_under_an_unknown_owner_answers_404_naming_the_owner()
    {
        await factory.EnsureAdminAsync();
        var admin = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var reads = (await ApiDocument.ReadAsync(admin)).Operations
            .Where(o => o.Method == "get" && o.Path.StartsWith("/api/owners/{owner}", StringComparison.Ordinal)).ToList();
        Assert.True(reads.Count >= 8, $"only {reads.Count} reads under an owner");

        foreach (var read in reads)
        {
            var response = await admin.GetAsync(read.Url(Values));

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{read}: {(int)response.StatusCode}");
            var problem = await WriteEndpoint.ProblemAsync(response);
            Assert.Equal("Finns inte", problem.GetProperty("title").GetString());
            Assert.Contains("finns-inte", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_write_under_an_unknown_owner_answers_404()
    {
        await factory.EnsureAdminAsync();
        var admin = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/owners/finns-inte/municipalities/2183/milestones")
        {
            Content = JsonContent.Create(WriteEndpoint.MunicipalMilestoneBody("m-1")),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(request)).StatusCode);
    }
}
