using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsfPlatform.Host.Tests;

/// <summary>The ASF register, insatser and new yearly plans through the API, on the sample dataset.</summary>
public sealed class RegisterApiTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Owner = WriteEndpoint.Owner, Insats = WriteEndpoint.Insats;

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private static object NewCompany(string name, string kommunkod = "2184", string? organisationNumber = "769600-1234", string? id = null) => new
    {
        id, name, organisationNumber, legalForm = "EkonomiskForening", kommunkod, sector = "Café och catering",
        criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true },
        registeredFrom = "2015-03-01",
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body,
        string? ifMatch = null, bool createOnly = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (createOnly) request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string path, object body) =>
        SendAsync(client, HttpMethod.Post, path, body, createOnly: true);

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await WriteEndpoint.ProblemAsync(response)).GetProperty("errors");
    }

    [Fact]
    public async Task A_new_company_gets_an_id_from_its_name_and_the_owner_directory_lists_it()
    {
        var admin = await AdminAsync();

        var created = await CreateAsync(admin, $"{Owner}/companies", NewCompany("Kaffekoppen Ö-vik"));
        var again = await CreateAsync(admin, $"{Owner}/companies", NewCompany("Kaffekoppen Ö-vik"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(1, ETags.Version(created.Headers.ETag!.Tag));
        Assert.Equal("asf-kaffekoppen-o-vik", (await JsonAsync(created))["id"]!.GetValue<string>());
        Assert.Equal("asf-kaffekoppen-o-vik-2", (await JsonAsync(again))["id"]!.GetValue<string>());
        var owner = await JsonAsync(await admin.GetAsync(Owner));
        Assert.Contains("asf-kaffekoppen-o-vik", owner["companies"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("769600-1234", (await JsonAsync(await admin.GetAsync($"{Owner}/companies/asf-kaffekoppen-o-vik")))["company"]!["organisationNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_company_with_a_bad_organisation_number_is_refused_naming_organisationNumber_and_nothing_is_stored()
    {
        var admin = await AdminAsync();

        var refused = await CreateAsync(admin, $"{Owner}/companies", NewCompany("Fel nummer AB", organisationNumber: "769600-1235", id: "asf-fel-nummer"));

        var errors = await ErrorsAsync(refused);
        Assert.True(errors.TryGetProperty("organisationNumber", out var reason), errors.ToString());
        Assert.Contains("kontrollsiffra", reason[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Owner}/companies/asf-fel-nummer")).StatusCode);
    }

    [Fact]
    public async Task A_company_in_a_municipality_that_is_not_the_owners_is_refused_naming_kommunkod()
    {
        var admin = await AdminAsync();

        var refused = await CreateAsync(admin, $"{Owner}/companies", NewCompany("Stockholmsbolaget", kommunkod: "0180"));

        Assert.True((await ErrorsAsync(refused)).TryGetProperty("kommunkod", out _));
    }

    [Fact]
    public async Task Creating_needs_If_None_Match_a_taken_id_gives_412_and_an_unknown_owner_404()
    {
        var admin = await AdminAsync();

        var withoutHeader = await SendAsync(admin, HttpMethod.Post, $"{Owner}/companies", NewCompany("Utan huvud"));
        var taken = await CreateAsync(admin, $"{Owner}/companies", NewCompany("Glädjeverket", kommunkod: "2183", id: "asf-gladjeverket"));
        var unknown = await CreateAsync(admin, "/api/owners/finns-inte/companies", NewCompany("Någonstans"));

        Assert.Equal((HttpStatusCode)428, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Closing_a_company_sets_its_registered_to_date_and_keeps_it_and_its_figures()
    {
        var admin = await AdminAsync();
        var created = await CreateAsync(admin, $"{Owner}/companies", NewCompany("Snart stängt", id: "asf-snart-stangt"));
        var path = $"{Owner}/companies/asf-snart-stangt";
        var figures = await SendAsync(admin, HttpMethod.Put, path + "/figures", new
        {
            date = "2018-06-30", employedWomen = 2, employedMen = 1, participantsAf = 1, participantsMunicipality = 0, participantsOther = 0,
        }, created.Headers.ETag!.Tag);

        var closed = await SendAsync(admin, HttpMethod.Post, path + "/close", new { date = "2019-12-31" }, figures.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var company = await JsonAsync(await admin.GetAsync(path));
        Assert.Equal("2019-12-31", company["company"]!["registeredTo"]!.GetValue<string>());
        Assert.Single(company["figures"]!.AsArray());
        Assert.Contains("asf-snart-stangt", (await JsonAsync(await admin.GetAsync(Owner)))["companies"]!.ToJsonString());
        var before = await SendAsync(admin, HttpMethod.Post, path + "/close", new { date = "2010-01-01" }, closed.Headers.ETag!.Tag);
        Assert.True((await ErrorsAsync(before)).TryGetProperty("registeredTo", out _));
    }

    [Fact]
    public async Task An_insats_is_created_edited_and_closed_and_then_refuses_an_event_dated_after_closing()
    {
        var admin = await AdminAsync();
        var created = await CreateAsync(admin, $"{Owner}/insatser", new
        {
            title = "Fler ASF i Hälsingland", periodStart = "2021-01-01", periodEnd = "2023-12-31", description = "Stöd till nya ASF.",
            targetGroups = new[] { "Tjänstepersoner i kommunerna" }, partners = new[] { "Coompanion" }, overarchingGoals = new[] { "Fler ASF" },
            processOwner = "Förbundschef", processLeader = "Processledare",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await JsonAsync(created))["id"]!.GetValue<string>();
        Assert.Equal("fler-asf-i-halsingland", id);
        Assert.Contains(id, (await JsonAsync(await admin.GetAsync(Owner)))["insatser"]!.ToJsonString());
        var path = $"{Owner}/insatser/{id}";
        var insats = (await JsonAsync(created))["insats"]!;
        insats["description"] = "Stöd till nya och befintliga ASF.";

        var edited = await SendAsync(admin, HttpMethod.Put, path, insats, created.Headers.ETag!.Tag);
        var closed = await SendAsync(admin, HttpMethod.Post, path + "/close", new { date = "2022-06-30" }, edited.Headers.ETag!.Tag);
        var early = await SendAsync(admin, HttpMethod.Post, path + "/events",
            new { id = "lan-tidig", date = "2022-03-01", type = "Seminarium", title = "Seminarium om ASF", organisers = Array.Empty<string>(), audience = new { } },
            createOnly: true);
        var late = await SendAsync(admin, HttpMethod.Post, path + "/events",
            new { id = "lan-sen", date = "2022-09-01", type = "Seminarium", title = "Seminarium om ASF", organisers = Array.Empty<string>(), audience = new { } },
            createOnly: true);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var stored = await JsonAsync(await admin.GetAsync(path));
        Assert.Equal(("Stöd till nya och befintliga ASF.", "2022-06-30", "Processledare"),
            (stored["insats"]!["description"]!.GetValue<string>(), stored["insats"]!["closedOn"]!.GetValue<string>(), stored["insats"]!["processLeader"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var errors = await ErrorsAsync(late);
        Assert.Contains("avslutades 2022-06-30", errors.GetProperty("date")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path + "/events/lan-sen")).StatusCode);
    }

    [Fact]
    public async Task A_plan_for_a_year_outside_the_insats_period_is_refused_naming_year()
    {
        var admin = await AdminAsync();

        var refused = await CreateAsync(admin, Insats + "/plans", new { year = 2021, from = "template" });

        Assert.True((await ErrorsAsync(refused)).TryGetProperty("year", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Insats + "/plans/2021")).StatusCode);
    }

    [Theory]
    [InlineData("/plans/2021/indicators")]                  // a year of the insats without a plan
    [InlineData("/plans/2021/indicators?asOf=2021-06-30")]
    [InlineData("/plans/0/indicators?asOf=2017-12-31")]     // a year no calendar has (it answered 500)
    [InlineData("/plans/99999/indicators")]
    public async Task The_indicators_of_a_plan_that_does_not_exist_are_not_found_naming_the_plan(string path)
    {
        var admin = await AdminAsync();

        var response = await admin.GetAsync(Insats + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Handlingsplanen", (await JsonAsync(response))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Insats + "/plans/2017/indicators?asOf=2017-12-31")).StatusCode);
    }

    [Fact]
    public async Task A_plan_from_the_template_has_the_handlingsplan_sections_without_content_and_an_existing_year_gives_412()
    {
        var admin = await AdminAsync();

        var created = await CreateAsync(admin, Insats + "/plans", new { year = 2019, from = "template" });
        var existing = await CreateAsync(admin, Insats + "/plans", new { year = 2017, from = "empty" });
        var unknownInsats = await CreateAsync(admin, $"{Owner}/insatser/finns-inte/plans", new { year = 2019 });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var content = (await JsonAsync(created))["content"]!;
        var sections = content["sections"]!.AsArray();
        Assert.Contains(sections, s => s!["title"]!.GetValue<string>() == "Processmål");
        Assert.Contains(sections, s => s!["title"]!.GetValue<string>() == "Uppföljning och utvärdering");
        Assert.All(sections, s => Assert.Equal("", s!["text"]!.GetValue<string>()));
        Assert.Equal("Handlingsplan 2019", content["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, existing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownInsats.StatusCode);
    }

    [Fact]
    public async Task Copying_2017_to_2018_carries_goals_unfinished_activities_and_indicators_starting_from_2017s_outcome()
    {
        var admin = await AdminAsync();
        var plan2017 = await JsonAsync(await admin.GetAsync(Insats + "/plans/2017"));
        var old = plan2017["content"]!;
        var outcome = plan2017["indicators"]!.AsArray().ToDictionary(i => i!["indicatorId"]!.GetValue<string>(), i => i!["value"]?.GetValue<decimal>());

        var created = await CreateAsync(admin, Insats + "/plans", new { year = 2018, from = "previous" });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var plan2018 = await JsonAsync(created);
        var content = plan2018["content"]!;
        Assert.Equal(old["goals"]!.ToJsonString(), content["goals"]!.ToJsonString());
        Assert.Equal(old["activities"]!.AsArray().Where(a => !a!["done"]!.GetValue<bool>()).Select(a => a!["id"]!.GetValue<string>()),
            content["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(old["indicators"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()),
            content["indicators"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var evaluated = plan2018["indicators"]!.AsArray().ToDictionary(i => i!["indicatorId"]!.GetValue<string>(), i => i!);
        // A stock's baseline is measured at 2017's target date: 2017's outcome. A rate takes 2017's rate as its baseline.
        foreach (var id in new[] { "aktiva-asf", "anstallda-asf", "kommuner-stodstruktur" })
        {
            Assert.NotNull(outcome[id]);
            Assert.Equal(outcome[id], evaluated[id]["baseline"]!.GetValue<decimal>());
        }
        var rate = content["indicators"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "utfall-arbete-studier")!;
        Assert.Equal(outcome["utfall-arbete-studier"], rate["baselineValue"]?.GetValue<decimal>());
        Assert.Equal("2018-12-31", rate["targetDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_create_and_close_endpoints_are_in_the_OpenAPI_document()
    {
        var admin = await AdminAsync();

        var document = await admin.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/owners/{owner}/companies/{companyId}/close", document);
        Assert.Contains("/api/owners/{owner}/insatser/{insatsId}/close", document);
        Assert.Contains("/api/owners/{owner}/insatser/{insatsId}/plans\"", document);
    }
}
