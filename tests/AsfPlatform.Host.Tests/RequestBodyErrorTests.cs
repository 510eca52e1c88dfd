using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsfPlatform.Host.Tests;

/// <summary>A body the API cannot take is a Swedish 400 whose <c>errors</c> name the property as sent, and nothing is stored.</summary>
public sealed class RequestBodyErrorTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Figures = WriteEndpoint.Company + "/figures";

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private static async Task<HttpResponseMessage> PutRawAsync(HttpClient client, string path, string json, string etag,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>Sends the body and checks the answer: 400, errors under <paramref name="key"/>, ETag unchanged.</summary>
    private async Task<JsonElement> RefusedAsync(string path, string resource, string json, string key)
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, resource);

        var response = await PutRawAsync(admin, path, json, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await WriteEndpoint.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out var messages),
            $"no error under '{key}': {problem}");
        Assert.DoesNotMatch("[a-z] (the|is|was|could) ", messages[0].GetString()!); // Swedish, not the framework's English
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, resource));
        return problem;
    }

    private static string FiguresJson(Action<JsonObject> change)
    {
        var body = JsonSerializer.SerializeToNode(WriteEndpoint.FiguresBody("2017-02-03"))!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    [Fact]
    public async Task A_number_sent_as_text_is_refused_naming_the_property()
    {
        var problem = await RefusedAsync(Figures, WriteEndpoint.Company, FiguresJson(b => b["employedWomen"] = "fem"), "employedWomen");

        Assert.Contains("heltal", problem.GetProperty("errors").GetProperty("employedWomen")[0].GetString());
    }

    [Fact]
    public async Task A_wrong_type_inside_a_nested_object_is_named_by_its_path()
    {
        var body = JsonSerializer.SerializeToNode(WriteEndpoint.PlacementBody(WriteEndpoint.Unique("p")))!.AsObject();
        body["use"]!["placesUsed"] = "två";

        await RefusedAsync(WriteEndpoint.Insats + "/placements", WriteEndpoint.Insats, body.ToJsonString(), "use.placesUsed");
    }

    [Fact]
    public async Task A_missing_required_property_is_refused_naming_it()
    {
        await RefusedAsync(Figures, WriteEndpoint.Company, FiguresJson(b => b.Remove("employedMen")), "employedMen");
    }

    [Fact]
    public async Task An_unknown_property_is_refused_naming_it_instead_of_being_dropped()
    {
        await RefusedAsync(Figures, WriteEndpoint.Company, FiguresJson(b => b["anstalldaKvinnor"] = 5), "anstalldaKvinnor");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_naming_the_body()
    {
        await RefusedAsync(Figures, WriteEndpoint.Company, "fem anställda", "$");
    }

    [Fact]
    public async Task A_body_not_sent_as_JSON_is_a_Swedish_415_and_nothing_is_stored()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company);

        var response = await PutRawAsync(admin, Figures, FiguresJson(_ => { }), etag, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Innehållstypen stöds inte", (await WriteEndpoint.ProblemAsync(response)).GetProperty("title").GetString());
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company));
    }

    [Fact]
    public async Task A_domain_rule_names_the_property_as_the_request_sent_it_not_the_Swedish_label()
    {
        await RefusedAsync(Figures, WriteEndpoint.Company, FiguresJson(b => b["employedWomen"] = -1), "employedWomen");
        var eventBody = JsonSerializer.SerializeToNode(WriteEndpoint.EventBody(WriteEndpoint.Unique($"k{WriteEndpoint.OwnKommun}-n"), "Möte"))!.AsObject();
        eventBody["audience"]!["employees"] = -3;
        var admin = await AdminAsync();
        var created = await CreateAsync(admin, WriteEndpoint.Insats + "/events", eventBody);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(created)).GetProperty("errors").TryGetProperty("audience.employees", out _));
    }

    [Fact]
    public async Task A_new_event_sent_with_the_insats_ETag_gets_a_412_that_says_the_event_has_its_own_version()
    {
        var admin = await AdminAsync();
        var insatsETag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);
        var body = WriteEndpoint.EventBody(WriteEndpoint.Unique($"k{WriteEndpoint.OwnKommun}-ny"), "Frukostmöte");
        using var request = new HttpRequestMessage(HttpMethod.Post, WriteEndpoint.Insats + "/events") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", insatsETag);

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var detail = (await WriteEndpoint.ProblemAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains("aktiviteten", detail);
        Assert.Contains("finns inte än", detail);
        Assert.Contains("en annan post", detail);
        Assert.Contains("If-None-Match: *", detail);
        Assert.Equal(HttpStatusCode.OK, (await CreateAsync(admin, WriteEndpoint.Insats + "/events", body)).StatusCode);
    }

    [Fact]
    public async Task A_stale_change_gets_a_412_naming_the_resource_and_its_current_version()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company);
        var current = ETags.Version(etag);

        var response = await WriteEndpoint.CompanyRecord.SendAsync(admin, ETags.WithVersion(etag, current + 100));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var detail = (await WriteEndpoint.ProblemAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains($"företaget asf-gladjeverket har version {current}", detail);
    }

    public static TheoryData<string> WrongBodies => new() { "{}", "wrong-type" };

    /// <summary>Every write of the document, with an empty body and with a wrong-typed one, answers 400 with errors — never 500.</summary>
    [Theory]
    [MemberData(nameof(WrongBodies))]
    public async Task Every_write_operation_of_the_document_refuses_a_wrong_body_with_400_errors_and_never_500(string kind)
    {
        var admin = await AdminAsync();
        var document = await ApiDocument.ReadAsync(admin);
        var values = new Dictionary<string, string>
        {
            ["owner"] = "finsam-gavleborg", ["insatsId"] = "asf-2016-2020", ["kommunkod"] = WriteEndpoint.OwnKommun,
            ["companyId"] = "asf-gladjeverket", ["year"] = "2017", ["userName"] = AsfHostFactory.AdminUser, ["reportId"] = "kommunrapport",
            ["eventId"] = "finns-inte", ["milestoneId"] = "finns-inte", ["placementId"] = "finns-inte", ["date"] = "2017-12-31", ["tokenId"] = "x",
        };
        var writes = document.Operations.Where(o => o.HasJsonBody).ToList();
        Assert.NotEmpty(writes);

        foreach (var operation in writes)
        {
            var schema = document.Resolve(operation.RequestBody!.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var (json, key) = kind == "{}" ? ("{}", required.FirstOrDefault()) : WrongTyped(operation.Example!.Value);
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), operation.Url(values))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            // A version that cannot match: whatever gets past binding is refused before anything is stored.
            request.Headers.TryAddWithoutValidation("If-Match", "\"v999999\"");

            var response = await admin.SendAsync(request);

            Assert.True((int)response.StatusCode < 500, $"{operation} with {json}: {(int)response.StatusCode}");
            if (key is null) continue; // nothing in this body is required: {} is a valid request
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{operation} with {json}: {(int)response.StatusCode}");
            var errors = (await WriteEndpoint.ProblemAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(key, out _), $"{operation} with {json}: no error under '{key}' in {errors}");
        }
    }

    /// <summary>The example with its first number as text, or its first text as a number.</summary>
    private static (string Json, string Key) WrongTyped(JsonElement example)
    {
        var body = JsonNode.Parse(example.GetRawText())!.AsObject();
        foreach (var (name, value) in body.ToList())
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number) { body[name] = "fem"; return (body.ToJsonString(), name); }
            if (value is JsonValue t && t.GetValueKind() == JsonValueKind.String) { body[name] = 12345; return (body.ToJsonString(), name); }
        }
        return ("[]", "$");
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await client.SendAsync(request);
    }
}
