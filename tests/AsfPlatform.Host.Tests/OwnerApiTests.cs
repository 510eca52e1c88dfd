using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>Owners, their subregions, partner organisations and municipalities over the API, from an empty database.</summary>
public sealed class OwnerApiTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private static object NewOwner(string? id, string name, string? organisationNumber = null) => new
    {
        id, name, kind = "Samordningsforbund", organisationNumber,
        subregions = new[] { new { id = "norr", name = "Norra länet" }, new { id = "soder", name = "Södra länet" } },
        partners = new[] { new { kind = "AF", id = "af", name = "Arbetsförmedlingen" } },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body,
        string? ifMatch = null, bool createOnly = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (createOnly)
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> CreateOwnerAsync(HttpClient client, object body) =>
        SendAsync(client, HttpMethod.Post, "/api/owners", body, createOnly: true);

    private static Task<HttpResponseMessage> PlaceAsync(HttpClient client, string owner, string kommunkod, string? subregion,
        string? ifMatch = null) =>
        SendAsync(client, HttpMethod.Put, $"/api/owners/{owner}/municipalities/{kommunkod}", new { subregion }, ifMatch, createOnly: ifMatch is null);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static void AssertNamesField(JsonElement problem, string field) =>
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");

    [Fact]
    public async Task An_association_sets_itself_up_from_an_empty_database_and_reads_its_municipalities_back()
    {
        var admin = await AdminAsync();

        var created = await CreateOwnerAsync(admin, NewOwner(null, "Finsam Västerbotten", "202100-5489"));
        var placed = await PlaceAsync(admin, "finsam-vasterbotten", "2480", "soder");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("finsam-vasterbotten", (await JsonAsync(created)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var umea = await JsonAsync(await admin.GetAsync("/api/owners/finsam-vasterbotten/municipalities/2480"));
        Assert.Equal(("Umeå", "soder"), (umea.GetProperty("name").GetString(), umea.GetProperty("subregion").GetString()));
        var owner = await JsonAsync(await admin.GetAsync("/api/owners/finsam-vasterbotten"));
        Assert.Equal("202100-5489", owner.GetProperty("organisationNumber").GetString());
        Assert.Equal(["Umeå", "Arbetsförmedlingen"], owner.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(["Kommun", "AF"], owner.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
        var all = await JsonAsync(await admin.GetAsync("/api/owners"));
        Assert.Contains("finsam-vasterbotten", all.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        Assert.Equal(AsfHostFactory.AdminUser, Assert.Single(await audit.ReadAsync("organisation", "finsam-vasterbotten")).Actor);
        Assert.Contains("\"soder\"", Assert.Single(await audit.ReadAsync("kommun", "finsam-vasterbotten/k2480")).AfterJson);
    }

    [Fact]
    public async Task An_owner_with_a_bad_organisation_number_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await AdminAsync();

        var response = await CreateOwnerAsync(admin, NewOwner("felnummer", "Finsam Fel", "202100-5488"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNamesField(await JsonAsync(response), "organisationNumber");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/owners/felnummer")).StatusCode);
    }

    [Fact]
    public async Task Creating_an_owner_whose_id_is_taken_is_refused_with_412_and_the_first_one_is_kept()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await CreateOwnerAsync(admin, NewOwner("dubblett", "Finsam Först"))).StatusCode);

        var again = await CreateOwnerAsync(admin, NewOwner("dubblett", "Finsam Sedan"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Equal("Finsam Först", (await JsonAsync(await admin.GetAsync("/api/owners/dubblett"))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Creating_an_owner_without_If_None_Match_is_refused_with_428()
    {
        var admin = await AdminAsync();

        var response = await SendAsync(admin, HttpMethod.Post, "/api/owners", NewOwner("utan-huvud", "Finsam Utan"));

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/owners/utan-huvud")).StatusCode);
    }

    [Fact]
    public async Task A_kommunkod_not_in_SCBs_list_and_a_subregion_the_owner_lacks_are_refused_naming_the_field()
    {
        var admin = await AdminAsync();
        await CreateOwnerAsync(admin, NewOwner("kodtest", "Finsam Kodtest"));

        var unknownCode = await PlaceAsync(admin, "kodtest", "2185", "norr");
        var unknownSubregion = await PlaceAsync(admin, "kodtest", "2480", "mitten");

        Assert.Equal(HttpStatusCode.BadRequest, unknownCode.StatusCode);
        AssertNamesField(await JsonAsync(unknownCode), "kommunkod");
        Assert.Equal(HttpStatusCode.BadRequest, unknownSubregion.StatusCode);
        AssertNamesField(await JsonAsync(unknownSubregion), "subregion");
        Assert.Empty((await JsonAsync(await admin.GetAsync("/api/owners/kodtest"))).GetProperty("municipalities").EnumerateArray());
    }

    [Fact]
    public async Task A_municipality_moves_to_another_subregion_with_If_Match_and_a_second_add_is_refused_with_412()
    {
        var admin = await AdminAsync();
        await CreateOwnerAsync(admin, NewOwner("flyttest", "Finsam Flyttest"));
        var added = await PlaceAsync(admin, "flyttest", "2482", "norr");

        var addedAgain = await PlaceAsync(admin, "flyttest", "2482", "soder");
        var moved = await PlaceAsync(admin, "flyttest", "2482", "soder", added.Headers.ETag!.Tag);
        var stale = await PlaceAsync(admin, "flyttest", "2482", "norr", added.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, addedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var skelleftea = await JsonAsync(await admin.GetAsync("/api/owners/flyttest/municipalities/2482"));
        Assert.Equal("soder", skelleftea.GetProperty("subregion").GetString());
    }

    [Fact]
    public async Task A_municipality_with_a_company_cannot_be_removed_and_one_without_is_removed_with_its_facts_kept_for_the_other_owner()
    {
        var admin = await AdminAsync();
        await CreateOwnerAsync(admin, NewOwner("borttest", "Finsam Borttest"));
        await CreateOwnerAsync(admin, NewOwner("grannen", "Finsam Grannen"));
        var added = await PlaceAsync(admin, "borttest", "2480", "norr");
        await PlaceAsync(admin, "grannen", "2480", "soder");
        await PlaceAsync(admin, "borttest", "2481", "norr");
        var company = await SendAsync(admin, HttpMethod.Post, "/api/owners/borttest/companies", new
        {
            name = "Kafé Umeå", legalForm = "Aktiebolag", kommunkod = "2480",
            criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true },
        }, createOnly: true);
        Assert.Equal(HttpStatusCode.OK, company.StatusCode);
        var policy = await SendAsync(admin, HttpMethod.Put, "/api/owners/grannen/municipalities/2480/milestones",
            new { id = "policy-2018", kind = "PolicyAdopted", date = "2018-03-01", title = "Policy för ASF antagen" },
            (await admin.GetAsync("/api/owners/grannen/municipalities/2480")).Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);

        var umea = await admin.GetAsync("/api/owners/borttest/municipalities/2480");
        var refused = await SendAsync(admin, HttpMethod.Delete, "/api/owners/borttest/municipalities/2480?reason=Fel%20kommun", new { },
            umea.Headers.ETag!.Tag);
        var robertsfors = await admin.GetAsync("/api/owners/borttest/municipalities/2481");
        var removed = await SendAsync(admin, HttpMethod.Delete, "/api/owners/borttest/municipalities/2481?reason=Fel%20kommun", new { },
            robertsfors.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!;
        Assert.Contains("1 ASF-företag", problem.Errors["kommunkod"][0]);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/owners/borttest/municipalities/2481")).StatusCode);
        var municipalities = (await JsonAsync(await admin.GetAsync("/api/owners/borttest"))).GetProperty("municipalities");
        Assert.DoesNotContain(municipalities.EnumerateArray(), m => m.ToString().Contains("2481"));
        // The policy recorded through the other owner is Umeå's own: the first owner sees it too.
        var seen = await JsonAsync(await admin.GetAsync("/api/owners/borttest/municipalities/2480"));
        Assert.Equal(["policy-2018"], seen.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
    }

    [Fact]
    public async Task An_owners_profile_changes_with_If_Match_and_a_subregion_holding_municipalities_cannot_be_removed()
    {
        var admin = await AdminAsync();
        var created = await CreateOwnerAsync(admin, NewOwner("profiltest", "Finsam Profiltest"));
        await PlaceAsync(admin, "profiltest", "2401", "norr");
        var etag = (await admin.GetAsync("/api/owners/profiltest")).Headers.ETag!.Tag;
        object Profile(params object[] subregions) => new
        {
            name = "Finsam Profiltest (nytt namn)", kind = "Samordningsforbund", organisationNumber = (string?)null, subregions,
            partners = new[] { new { kind = "FK", id = "fk", name = "Försäkringskassan" } },
        };

        var withoutIfMatch = await SendAsync(admin, HttpMethod.Put, "/api/owners/profiltest", Profile(new { id = "norr", name = "Norr" }));
        var removingNorr = await SendAsync(admin, HttpMethod.Put, "/api/owners/profiltest", Profile(new { id = "soder", name = "Söder" }), etag);
        var renamingNorr = await SendAsync(admin, HttpMethod.Put, "/api/owners/profiltest",
            Profile(new { id = "norr", name = "Norrlandet" }, new { id = "soder", name = "Söder" }), etag);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, removingNorr.StatusCode);
        AssertNamesField(await JsonAsync(removingNorr), "subregions");
        Assert.Equal(HttpStatusCode.OK, renamingNorr.StatusCode);
        var owner = await JsonAsync(await admin.GetAsync("/api/owners/profiltest"));
        Assert.Equal("Finsam Profiltest (nytt namn)", owner.GetProperty("name").GetString());
        Assert.Equal(["Norrlandet", "Söder"], owner.GetProperty("subregions").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["Kommun", "FK"], owner.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_owner_routes_answer_404_for_an_owner_that_does_not_exist()
    {
        var admin = await AdminAsync();
        var profile = new { name = "Ingen", kind = "Region", subregions = Array.Empty<object>(), partners = Array.Empty<object>() };

        var change = await SendAsync(admin, HttpMethod.Put, "/api/owners/finns-inte", profile, "\"v1\"");
        var add = await PlaceAsync(admin, "finns-inte", "2480", null);
        var move = await PlaceAsync(admin, "finns-inte", "2480", null, "\"v1\"");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [change.StatusCode, add.StatusCode, move.StatusCode]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/owners/finns-inte")).StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_an_organisation_and_adds_a_municipality_through_the_pages()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var created = await AsfHostFactory.PostFormAsync(browser, "/agare/ny", new()
        {
            ["Input.Name"] = "Samordningsförbundet Sidtest", ["Input.Kind"] = "Samordningsforbund",
            ["Input.OrganisationNumber"] = "", ["Input.Id"] = "", ["Input.Subregions"] = "Östra delen\nVästra delen",
        });
        var added = await AsfHostFactory.PostFormAsync(browser, "/agare/samordningsforbundet-sidtest",
            new() { ["Kommunkod"] = "0180", ["Subregion"] = "ostra-delen" }, handler: "Kommun");
        var page = await browser.GetStringAsync("/agare/samordningsforbundet-sidtest");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/agare/samordningsforbundet-sidtest", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("<td>Stockholm</td>", page);
        Assert.Contains("<td>Östra delen</td>", page);
        Assert.Contains("<optgroup label=\"Gävleborgs län\">", page);
        Assert.Contains("Försäkringskassan", page); // a samordningsförbund starts with AF and FK as partners
        Assert.Contains("Samordningsförbundet Sidtest", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_bad_organisation_number_on_the_page_is_shown_next_to_its_field()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var response = await AsfHostFactory.PostFormAsync(browser, "/agare/ny", new()
        {
            ["Input.Name"] = "Finsam Felsida", ["Input.Kind"] = "Region", ["Input.OrganisationNumber"] = "123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#organisationsnummer\">Organisationsnummer:", await response.Content.ReadAsStringAsync());
    }
}
