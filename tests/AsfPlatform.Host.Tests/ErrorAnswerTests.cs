using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Orleans.Storage;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The dataset host whose grain storage fails every write that carries a change's audit note (every change a user
/// makes; the dataset's own writes carry none), so every write meets an unexpected error.
/// </summary>
public sealed class FailingStorageHostFactory : AsfHostFactory
{
    /// <summary>What the failure says: internals a caller must never see.</summary>
    public const string Secret = "Intern hemlighet: Password=hemligt-lösenord";

    public FailingStorageHostFactory() => LoadDataset = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => FaultyStorageHostFactory.WrapGrainStorage(services, inner => new FailingChanges(inner)));
    }

    private sealed class FailingChanges(IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            grainState.State is IAuditOutboxState { AuditOutbox.Count: > 0 }
                ? throw new InvalidOperationException(Secret)
                : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}

/// <summary>
/// What a caller gets when something goes wrong on the server: a Swedish answer with an id to quote, never internals,
/// whatever the method — not the "400 Bad Request" a failed form post used to get.
/// </summary>
public sealed class ErrorAnswerTests(FailingStorageHostFactory factory) : IClassFixture<FailingStorageHostFactory>
{
    [Fact]
    public async Task An_unexpected_api_error_is_a_500_with_a_correlation_id_and_no_internals()
    {
        await factory.EnsureAdminAsync();
        var client = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var write = WriteEndpoint.MunicipalMilestone;
        var etag = await WriteEndpoint.ETagAsync(client, write.VersionedResource);

        var response = await write.SendAsync(client, etag);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, body);
        var problem = JsonDocument.Parse(body).RootElement;
        var correlationId = problem.GetProperty("correlationId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(correlationId));
        Assert.Contains(correlationId!, problem.GetProperty("detail").GetString());
        Assert.Equal("Ett oväntat fel inträffade", problem.GetProperty("title").GetString());
        foreach (var internals in new[] { "hemlighet", "InvalidOperationException", "   at ", ".cs:line", token })
            Assert.DoesNotContain(internals, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_post_that_fails_on_the_server_shows_the_swedish_error_page_with_its_id()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
        const string form = "/kommun/finsam-gavleborg/2183/milstolpe";
        var page = await browser.GetStringAsync(form);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;

        var response = await AsfHostFactory.PostFormAsync(browser, form, new()
        {
            ["Version"] = version, ["Input.Kind"] = "PolicyAdopted", ["Input.Date"] = "2017-05-10", ["Input.Title"] = "Policy antagen",
        });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Något gick fel", html);
        Assert.Contains("Felet är loggat med id", html);
        Assert.DoesNotContain("hemlighet", html);
    }

    [Fact]
    public async Task A_page_that_does_not_exist_is_a_swedish_404_page_and_an_api_path_a_problem()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var page = await browser.GetAsync("/finns-inte/alls");
        var api = await (await factory.TokenClientAsync(AsfHostFactory.AdminUser)).GetAsync("/api/finns-inte");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Sidan finns inte", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Finns inte", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }
}
