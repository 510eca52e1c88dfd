using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The bad-input corpus (<c>Corpus/bad-input.jsonl</c>, one case a line): every case is a request to a write operation
/// of the OpenAPI document that must be refused with its status and a ProblemDetails naming the field, leaving the
/// stored state and the audit log as they were. A line added to the file is a new test.
/// </summary>
public sealed class BadInputCorpusTests(CorpusHost host) : IClassFixture<CorpusHost>
{
    /// <summary>How many cases each write operation of the document has at least.</summary>
    public const int MinimumCasesPerOperation = 5;

    public static TheoryData<string> Cases => new(BadInputCorpus.Cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_is_refused_naming_the_field_and_leaves_the_data_and_the_audit_log_unchanged(string id)
    {
        var corpusCase = BadInputCorpus.Cases[id];
        var before = await host.FingerprintAsync();

        var response = await host.SendAsync(corpusCase);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(corpusCase.Status == (int)response.StatusCode,
            $"{id}: expected {corpusCase.Status}, got {(int)response.StatusCode}: {Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(corpusCase.Status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (corpusCase.Key is { } key)
        {
            var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(key, out var m) ? m : default;
            Assert.True(messages.ValueKind == JsonValueKind.Array, $"{id}: no error under '{key}': {Shorten(body)}");
            var message = messages[0].GetString()!;
            Assert.DoesNotMatch("[a-z] (the|is|was|could|must|not) ", message); // Swedish, not the framework's English
        }
        // A wrong version is answered with the version that would have matched.
        if (corpusCase is { Status: 412, IfMatch: "stale" or "foreign" or "garbage" })
            Assert.Equal(await host.CurrentETagAsync(corpusCase), response.Headers.ETag?.Tag);
        var after = await host.FingerprintAsync();
        Assert.Equal(before.Audit, after.Audit);
        foreach (var (path, text) in before.Resources)
            Assert.True(text == after.Resources[path], $"{id}: {path} changed");
    }

    [Fact]
    public async Task Every_write_operation_of_the_document_has_enough_cases_in_the_corpus()
    {
        var document = await ApiDocument.ReadAsync(host.Admin);
        var counts = BadInputCorpus.Cases.Values.GroupBy(c => c.Operation).ToDictionary(g => g.Key, g => g.Count());

        var writes = document.Operations.Where(o => o.IsWrite).Select(o => o.ToString()).ToList();

        Assert.NotEmpty(writes);
        var missing = writes.Where(w => counts.GetValueOrDefault(w) < MinimumCasesPerOperation).ToList();
        Assert.True(missing.Count == 0, $"fewer than {MinimumCasesPerOperation} cases: {string.Join(", ", missing)}");
        var unknown = counts.Keys.Except(writes).ToList();
        Assert.True(unknown.Count == 0, $"cases for operations the document does not have: {string.Join(", ", unknown)}");
        Assert.True(BadInputCorpus.Cases.Count >= 250, $"{BadInputCorpus.Cases.Count} cases");
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

/// <summary>One line of the corpus.</summary>
/// <param name="Operation">The document's operation, <c>"PUT /api/owners/{owner}/companies/{companyId}/figures"</c>.</param>
/// <param name="As">Who sends it: admin (default), kontor (Partnerkontor 2183), kontor2180, lasare, styrelse.</param>
/// <param name="IfMatch">current (default for changes), none, stale, foreign, garbage, or an ETag as sent.</param>
/// <param name="IfNoneMatch">Sent as is (creates default to <c>*</c>); "none" leaves it out.</param>
/// <param name="Set">Property paths (<c>use.placesUsed</c>, <c>sections[0].text</c>) set in the document's example.
/// A string value <c>@1mb</c> is a text of 1 MB; <c>@raw:…</c> is sent as the raw JSON after the colon.</param>
/// <param name="Raw">The whole body as sent, instead of the example.</param>
public sealed record CorpusCase(string Id, string Operation, int Status, string? Key = null, string? As = null, string? IfMatch = null,
    string? IfNoneMatch = null, string? ContentType = null, JsonObject? Set = null, string[]? Remove = null, JsonNode? Body = null,
    string? Raw = null, string? Query = null, Dictionary<string, string>? Route = null, string? Note = null);

/// <summary>The corpus file, read once.</summary>
public static class BadInputCorpus
{
    public static IReadOnlyDictionary<string, CorpusCase> Cases { get; } = Read();

    private static Dictionary<string, CorpusCase> Read()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "bad-input.jsonl"));
        foreach (var (line, number) in lines.Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var corpusCase = JsonSerializer.Deserialize<CorpusCase>(line, options)
                ?? throw new InvalidDataException($"line {number} is empty");
            if (!cases.TryAdd(corpusCase.Id, corpusCase))
                throw new InvalidDataException($"line {number}: the id {corpusCase.Id} is used twice");
        }
        return cases;
    }
}

/// <summary>
/// One host for the whole corpus, with a client per role and the facts the removals and changes address, recorded
/// before any case runs.
/// </summary>
public sealed partial class CorpusHost : IAsyncLifetime
{
    public const string EventId = "k2183-korpus", MunicipalMilestoneId = "korpus-m", NarrativeMilestoneId = "korpus-n",
        PlacementId = "korpus-p", FiguresDate = "2017-03-15", TargetUser = "lasare-korpus",
        // Stockholm, added to the owner with nothing recorded there, so its removal is refused only for the request's faults.
        RemovableKommun = "0180";

    private readonly DatasetHostFactory _factory = new();
    private readonly Dictionary<string, HttpClient> _clients = new();
    private ApiDocument _document = null!;

    public HttpClient Admin => _clients["admin"];

    private static readonly Dictionary<string, string> RouteValues = new()
    {
        ["owner"] = "finsam-gavleborg", ["insatsId"] = "asf-2016-2020", ["kommunkod"] = WriteEndpoint.OwnKommun,
        ["companyId"] = "asf-gladjeverket", ["year"] = "2017", ["userName"] = TargetUser, ["reportId"] = "kommunrapport",
        ["eventId"] = EventId, ["milestoneId"] = MunicipalMilestoneId, ["placementId"] = PlacementId, ["date"] = FiguresDate,
        ["tokenId"] = "finns-inte", ["kind"] = "placeringar",
    };

    /// <summary>What the stored state looks like: the resources' GET bodies and the audit log's latest sequence.</summary>
    public sealed record Fingerprint(IReadOnlyDictionary<string, string> Resources, long Audit);

    private static readonly string[] Watched =
    [
        WriteEndpoint.Owner, WriteEndpoint.Municipality, WriteEndpoint.Owner + "/municipalities", WriteEndpoint.Company,
        WriteEndpoint.Owner + "/companies", WriteEndpoint.Insats, WriteEndpoint.Insats + "/narrative", WriteEndpoint.Plan,
        $"{WriteEndpoint.Insats}/events/{EventId}", "/api/owners", "/api/users", "/api/tokens", $"/api/users/{TargetUser}", "/api/me",
        "/api/owners/finsam-gavleborg/insatser/asf-2016-2020/plans/2019", $"/api/owners/finsam-gavleborg/municipalities/{RemovableKommun}",
    ];

    public async Task InitializeAsync()
    {
        await _factory.EnsureAdminAsync();
        _clients["admin"] = await _factory.TokenClientAsync(AsfHostFactory.AdminUser);
        foreach (var (name, role, kommun) in new[]
                 {
                     ("kontor", AccessRole.Partnerkontor, "2183"), ("kontor2180", AccessRole.Partnerkontor, "2180"),
                     ("lasare", AccessRole.Läsare, null), ("styrelse", AccessRole.Styrelse, null),
                 })
        {
            await _factory.CreateUserAsync($"korpus-{name}", role, kommun is null ? null : OrganisationRef.Municipality(kommun));
            _clients[name] = await _factory.TokenClientAsync($"korpus-{name}");
        }
        await _factory.CreateUserAsync(TargetUser, AccessRole.Läsare);
        _document = await ApiDocument.ReadAsync(Admin);

        // The facts the removal cases address, so a refusal is about the request, not a missing fact.
        (await WriteEndpoint.Event.CreateAsync(Admin, WriteEndpoint.EventBody(EventId, "Aktivitet för korpusen"))).EnsureSuccessStatusCode();
        await RecordAsync(WriteEndpoint.MunicipalMilestone, WriteEndpoint.MunicipalMilestoneBody(MunicipalMilestoneId));
        await RecordAsync(WriteEndpoint.NarrativeMilestone, WriteEndpoint.NarrativeBody(NarrativeMilestoneId));
        await RecordAsync(WriteEndpoint.Placement, WriteEndpoint.PlacementBody(PlacementId));
        await RecordAsync(WriteEndpoint.CompanyFigures, WriteEndpoint.FiguresBody(FiguresDate));
        using var place = new HttpRequestMessage(HttpMethod.Put, $"{WriteEndpoint.Owner}/municipalities/{RemovableKommun}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { subregion = "Halsingland" }),
        };
        place.Headers.TryAddWithoutValidation("If-None-Match", "*");
        (await Admin.SendAsync(place)).EnsureSuccessStatusCode();
    }

    private async Task RecordAsync(WriteEndpoint write, object body) =>
        (await write.SendAsync(Admin, await WriteEndpoint.ETagAsync(Admin, write.VersionedResource), body)).EnsureSuccessStatusCode();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public async Task<Fingerprint> FingerprintAsync()
    {
        var resources = new Dictionary<string, string>();
        foreach (var path in Watched)
        {
            var response = await Admin.GetAsync(path);
            // A problem's traceId differs per request; the rest of the answer does not.
            var text = TraceId().Replace(await response.Content.ReadAsStringAsync(), "");
            resources[path] = $"{(int)response.StatusCode} {response.Headers.ETag?.Tag} {text}";
        }
        var latest = await _factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1);
        return new Fingerprint(resources, latest.Count == 0 ? 0 : latest[0].Sequence);
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    /// <summary>Sends the case as it says: the example of its operation changed as it says, with its headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(CorpusCase c)
    {
        var (method, template) = (c.Operation.Split(' ')[0], c.Operation.Split(' ')[1]);
        var operation = _document.Operations.Single(o => o.ToString() == c.Operation);
        var values = new Dictionary<string, string>(RouteValues);
        foreach (var (name, value) in c.Route ?? [])
            values[name] = value;
        var url = operation.Url(values) + (c.Query is null ? "" : (c.Query.StartsWith('?') ? c.Query : "?" + c.Query));
        var client = _clients[c.As ?? "admin"];

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        var text = c.Raw ?? Body(c, operation);
        if (text is not null)
        {
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
            // "none" sends the body without a Content-Type.
            if (c.ContentType is not null)
                request.Content.Headers.ContentType = c.ContentType == "none" ? null
                    : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(c.ContentType);
        }

        // An operation that creates or changes creates unless the case names an If-Match.
        var conditional = operation.HeaderNames.ToList();
        var createsOrChanges = conditional.Contains("If-None-Match") && c.IfMatch is null;
        if (conditional.Contains("If-Match") && c.IfMatch != "none" && !createsOrChanges)
        {
            var ifMatch = await IfMatchAsync(c, template, values);
            if (ifMatch is not null)
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        else if (c.IfMatch is { } literal && literal != "none")
            request.Headers.TryAddWithoutValidation("If-Match", literal);
        var ifNoneMatch = c.IfNoneMatch ?? (conditional.Contains("If-None-Match") && (createsOrChanges || !conditional.Contains("If-Match")) ? "*" : null);
        if (ifNoneMatch is not null && ifNoneMatch != "none")
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    /// <summary>The example of the operation with the case's changes, as JSON text (null: no body).</summary>
    private static string? Body(CorpusCase c, ApiOperation operation)
    {
        var body = c.Body?.DeepClone() ?? (operation.Example is { } example ? JsonNode.Parse(example.GetRawText()) : null);
        if (body is null) return null;
        var raws = new Dictionary<string, string>();
        foreach (var name in c.Remove ?? [])
            Parent(body, name, out var last).AsObject().Remove(last);
        foreach (var (name, value) in c.Set ?? [])
        {
            var node = value?.DeepClone();
            if (node is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('@'))
            {
                if (s == "@1mb") node = new string('a', 1024 * 1024);
                else if (s.StartsWith("@raw:", StringComparison.Ordinal))
                {
                    var placeholder = $"@raw-{raws.Count}@";
                    raws[$"\"{placeholder}\""] = s["@raw:".Length..];
                    node = placeholder;
                }
            }
            var parent = Parent(body, name, out var key);
            if (parent is JsonArray array) array[int.Parse(key)] = node;
            else parent.AsObject()[key] = node;
        }
        var json = body.ToJsonString();
        foreach (var (placeholder, raw) in raws)
            json = json.Replace(placeholder, raw, StringComparison.Ordinal);
        return json;
    }

    // "use.placesUsed" → the use object and "placesUsed"; "sections[0].text" → sections[0] and "text"; "years[0]" → years and "0".
    private static JsonNode Parent(JsonNode body, string path, out string last)
    {
        var segments = path.Replace("[", ".").Replace("]", "").Split('.');
        var node = body;
        foreach (var segment in segments[..^1])
            node = int.TryParse(segment, out var index) && node is JsonArray a ? a[index]! : node[segment]!;
        last = segments[^1];
        return node;
    }

    /// <summary>The current ETag of the resource the case's If-Match is about.</summary>
    public async Task<string?> CurrentETagAsync(CorpusCase c)
    {
        var values = new Dictionary<string, string>(RouteValues);
        foreach (var (name, value) in c.Route ?? [])
            values[name] = value;
        return (await Admin.GetAsync(VersionedResource(c.Operation.Split(' ')[1], values))).Headers.ETag?.Tag;
    }

    private async Task<string?> IfMatchAsync(CorpusCase c, string template, Dictionary<string, string> values)
    {
        if (c.IfMatch is { } literal && literal is not ("current" or "stale" or "foreign" or "garbage"))
            return literal;
        if (c.IfMatch == "garbage") return "\"v1\"";
        if (template.EndsWith("/import/{kind}/apply", StringComparison.Ordinal))
            return "\"import-finns-inte\"";
        var resource = VersionedResource(template, values);
        var response = await Admin.GetAsync(resource);
        var etag = response.Headers.ETag?.Tag ?? throw new InvalidOperationException($"{resource} has no ETag ({(int)response.StatusCode})");
        return c.IfMatch switch
        {
            "stale" => ETags.WithVersion(etag, ETags.Version(etag) - 1),
            "foreign" => ETags.WithVersion((await Admin.GetAsync(resource == WriteEndpoint.Owner ? WriteEndpoint.Company : WriteEndpoint.Owner))
                .Headers.ETag!.Tag, ETags.Version(etag)),
            _ => etag,
        };
    }

    /// <summary>The resource whose ETag the operation takes in If-Match.</summary>
    private static string VersionedResource(string template, Dictionary<string, string> values)
    {
        string V(string name) => values[name];
        var owner = $"/api/owners/{V("owner")}";
        if (template.StartsWith("/api/users/{userName}", StringComparison.Ordinal)) return $"/api/users/{V("userName")}";
        if (template == "/api/account/password") return "/api/me";
        if (template.Contains("/events", StringComparison.Ordinal)) return $"{owner}/insatser/{V("insatsId")}/events/{V("eventId")}";
        if (template.Contains("/plans/{year}", StringComparison.Ordinal)) return $"{owner}/insatser/{V("insatsId")}/plans/{V("year")}";
        if (template.Contains("/insatser/{insatsId}", StringComparison.Ordinal)) return $"{owner}/insatser/{V("insatsId")}";
        if (template.Contains("/companies/{companyId}", StringComparison.Ordinal)) return $"{owner}/companies/{V("companyId")}";
        if (template.Contains("/municipalities/{kommunkod}", StringComparison.Ordinal)) return $"{owner}/municipalities/{V("kommunkod")}";
        return owner;
    }
}
