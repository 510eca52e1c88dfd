using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// A partner's client written from the OpenAPI document alone: operations are found by their summary, URLs built
/// from their path templates, headers named as the document names them and errors read as it describes them.
/// </summary>
public sealed class ApiByDocumentTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    [Fact]
    public async Task A_client_reads_changes_with_If_Match_and_handles_412_and_428_from_the_document_alone()
    {
        var anonymous = factory.CreateClient();
        var document = await ApiDocument.ReadAsync(anonymous);
        await factory.EnsureAdminAsync();
        var issued = await factory.Services.GetRequiredService<AsfPlatform.Access.IApiTokenService>()
            .IssueAsync(AsfHostFactory.AdminUser, "dokumentklient", "test");
        var scheme = document.Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiNyckel");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new(scheme.GetProperty("scheme").GetString()!, issued.Secret);
        var values = new Dictionary<string, string> { ["owner"] = "finsam-gavleborg", ["companyId"] = "asf-gladjeverket" };

        // Read: the ETag header the 200 answer documents.
        var read = document.BySummary("Läser ett företag");
        var etagHeader = document.Resolve(read.Responses[200].GetProperty("headers").EnumerateObject().Single().Value);
        Assert.False(string.IsNullOrEmpty(etagHeader.GetProperty("description").GetString()));
        var readHeader = read.Responses[200].GetProperty("headers").EnumerateObject().Single().Name;
        var first = await client.GetAsync(read.Url(values));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.GetValues(readHeader).Single();
        var company = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["company"]!.AsObject();

        // Change: the conditional header the operation's parameters name.
        var change = document.BySummary("Ändrar ett företag");
        var conditional = change.HeaderNames.Single();
        company["note"] = "Ändrad av en klient som bara läst API-beskrivningen";
        var changed = await SendAsync(client, change, values, company, conditional, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.GetValues(readHeader).Single());

        // The same change again on the ETag first read: 412, documented, with the current ETag.
        company["note"] = "En ändring på en gammal version";
        var stale = await SendAsync(client, change, values, company, conditional, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.True(change.Responses.ContainsKey(412));
        Assert.Equal(changed.Headers.GetValues(readHeader).Single(), stale.Headers.GetValues(readHeader).Single());
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        // Without the header: 428, documented.
        var missing = await SendAsync(client, change, values, company, conditional, null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.True(change.Responses.ContainsKey(428));
        var after = await client.GetAsync(read.Url(values));
        Assert.Equal("Ändrad av en klient som bara läst API-beskrivningen",
            JsonNode.Parse(await after.Content.ReadAsStringAsync())!["company"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_documented_request_example_of_a_new_event_is_accepted_as_it_stands()
    {
        await factory.EnsureAdminAsync();
        var client = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var document = await ApiDocument.ReadAsync(client);
        var create = document.BySummary("Registrerar eller rättar en aktivitet");

        using var request = new HttpRequestMessage(HttpMethod.Post, create.Url(new Dictionary<string, string>
            { ["owner"] = "finsam-gavleborg", ["insatsId"] = "asf-2016-2020" }))
        {
            Content = new StringContent(create.Example!.Value.GetRawText(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiOperation operation, Dictionary<string, string> values,
        JsonNode body, string header, string? value)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), operation.Url(values))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (value is not null)
            request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request);
    }
}
