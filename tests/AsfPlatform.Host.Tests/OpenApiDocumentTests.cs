using System.Net;
using System.Text.Json;

namespace AsfPlatform.Host.Tests;

/// <summary>The OpenAPI document is enough to program against: every operation says what it does, who may call it
/// and every status it can answer.</summary>
public sealed class OpenApiDocumentTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private async Task<ApiDocument> DocumentAsync() => await ApiDocument.ReadAsync(factory.CreateClient());

    /// <summary>What an operation can answer, from what the document says of it (method, security, path, headers).</summary>
    public static IEnumerable<int> StatusesItCanReturn(ApiOperation operation)
    {
        if (operation.IsWrite) yield return 400;
        if (operation.SecuritySchemes.Count > 0) { yield return 401; yield return 403; }
        if (operation.PathParameters.Any()) yield return 404;
        if (operation.HeaderNames.Any(h => h is "If-Match" or "If-None-Match")) { yield return 412; yield return 428; }
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_1_and_explains_the_version_rules_once()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.1", document.Root.GetProperty("openapi").GetString());
        var description = document.Root.GetProperty("info").GetProperty("description").GetString()!;
        Assert.Contains("If-Match", description);
        Assert.Contains("If-None-Match: *", description);
        Assert.Contains("428", description);
        Assert.Contains("412", description);
        var schemes = document.Root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("apiNyckel").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_description()
    {
        var document = await DocumentAsync();

        Assert.NotEmpty(document.Operations);
        Assert.All(document.Operations, operation =>
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{operation} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.Description), $"{operation} has no description");
        });
    }

    [Fact]
    public async Task Every_operation_requires_the_bearer_token_or_is_marked_anonymous_on_purpose()
    {
        var document = await DocumentAsync();

        Assert.All(document.Operations, operation =>
            Assert.True(operation.SecuritySchemes.Contains("apiNyckel") || operation.IsAnonymousOnPurpose,
                $"{operation} has neither a security requirement nor x-anonymous"));
        Assert.All(document.Operations.Where(o => o.Path.StartsWith("/api/owners", StringComparison.Ordinal)),
            operation => Assert.False(operation.IsAnonymousOnPurpose, $"{operation} is anonymous"));
    }

    [Fact]
    public async Task Every_operation_documents_each_status_it_can_return_with_a_ProblemDetails_for_errors()
    {
        var document = await DocumentAsync();

        Assert.All(document.Operations, operation =>
        {
            var responses = operation.Responses;
            Assert.Contains(responses.Keys, status => status is >= 200 and < 300);
            foreach (var status in StatusesItCanReturn(operation))
                Assert.True(responses.ContainsKey(status), $"{operation} does not document {status}");
            foreach (var (status, response) in responses.Where(r => r.Key >= 400))
            {
                var schema = document.Resolve(response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema"));
                Assert.True(schema.GetProperty("properties").TryGetProperty("title", out _), $"{operation} {status} is no ProblemDetails");
            }
        });
    }

    [Fact]
    public async Task Every_write_the_authorization_matrix_exercises_documents_403_412_and_428()
    {
        var document = await DocumentAsync();

        foreach (var write in WriteEndpoint.All.Concat(WriteEndpoint.Removals))
        {
            var path = new Uri(new Uri("http://x"), write.Path).AbsolutePath;
            var operation = document.Operations.Single(o => o.Method == write.Method.Method.ToLowerInvariant() && Matches(o.Path, path, write));
            Assert.True(operation.Responses.ContainsKey(403), $"{write}: 403 (observed in the matrix) is not documented");
            Assert.True(operation.Responses.ContainsKey(412), $"{write}: 412 is not documented");
            Assert.True(operation.Responses.ContainsKey(428), $"{write}: 428 is not documented");
            Assert.Contains(operation.HeaderNames, h => h == "If-Match");
        }
    }

    [Fact]
    public async Task Every_conditional_header_refers_to_the_one_place_the_rules_are_written()
    {
        var document = await DocumentAsync();

        foreach (var operation in document.Operations)
            foreach (var parameter in operation.Element.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : default)
                if (document.Resolve(parameter).GetProperty("name").GetString() is "If-Match" or "If-None-Match")
                    Assert.StartsWith("#/components/parameters/", parameter.GetProperty("$ref").GetString());
        Assert.All(document.Operations.Where(o => o.Responses.ContainsKey(412)), operation =>
            Assert.StartsWith("#/components/responses/", operation.Element.GetProperty("responses").GetProperty("412").GetProperty("$ref").GetString()));
    }

    [Fact]
    public async Task Every_JSON_request_body_has_an_example()
    {
        var document = await DocumentAsync();

        Assert.All(document.Operations.Where(o => o.HasJsonBody), operation =>
            Assert.True(operation.Example is { ValueKind: JsonValueKind.Object }, $"{operation} has no request example"));
    }

    [Fact]
    public async Task The_API_reference_page_is_served_to_anyone_and_reads_the_document()
    {
        var client = factory.CreateClient(); // not signed in; follows the redirect to /api/referens/

        var response = await client.GetAsync("/api/referens");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/referens/scalar.js")).StatusCode);
    }

    // "/api/owners/finsam-gavleborg/insatser/asf-2016-2020/events" against "/api/owners/{owner}/insatser/{insatsId}/events/{eventId}":
    // a removal row names the collection; its DELETE adds the id.
    private static bool Matches(string template, string path, WriteEndpoint write)
    {
        var segments = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        if (write.Method == HttpMethod.Delete) actual = [.. actual, "x"];
        return segments.Length == actual.Length && segments.Zip(actual).All(s => s.First.StartsWith('{') || s.First == s.Second);
    }
}
