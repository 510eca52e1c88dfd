using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>Every write endpoint × every role: who may change what.</summary>
public sealed class AuthorizationMatrixTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    public const string Admin = "admin", OwnOffice = "partner-own", OtherOffice = "partner-other", Board = "styrelse", Reader = "lasare";

    public static TheoryData<string, string, bool> Matrix => new()
    {
        // endpoint                  role         allowed
        { "kommunens milstolpe",     Admin,       true },
        { "kommunens milstolpe",     OwnOffice,   true },
        { "kommunens milstolpe",     OtherOffice, false },
        { "kommunens milstolpe",     Board,       false },
        { "kommunens milstolpe",     Reader,      false },
        { "företagets siffror",      Admin,       true },
        { "företagets siffror",      OwnOffice,   true },
        { "företagets siffror",      OtherOffice, false },
        { "företagets siffror",      Board,       false },
        { "företagets siffror",      Reader,      false },
        { "aktivitet",               Admin,       true },
        { "aktivitet",               OwnOffice,   true },
        { "aktivitet",               OtherOffice, false },
        { "aktivitet",               Board,       false },
        { "aktivitet",               Reader,      false },
        { "placering",               Admin,       true },
        { "placering",               OwnOffice,   true },
        { "placering",               OtherOffice, false },
        { "placering",               Board,       false },
        { "placering",               Reader,      false },
        { "milstolpe i berättelsen", Admin,       true },
        { "milstolpe i berättelsen", OwnOffice,   false },
        { "milstolpe i berättelsen", OtherOffice, false },
        { "milstolpe i berättelsen", Board,       false },
        { "milstolpe i berättelsen", Reader,      false },
        { "handlingsplanen",         Admin,       true },
        { "handlingsplanen",         OwnOffice,   false },
        { "handlingsplanen",         OtherOffice, false },
        { "handlingsplanen",         Board,       false },
        { "handlingsplanen",         Reader,      false },
        { "ta bort aktivitet",               Admin,       true },
        { "ta bort aktivitet",               OwnOffice,   true },
        { "ta bort aktivitet",               OtherOffice, false },
        { "ta bort aktivitet",               Board,       false },
        { "ta bort aktivitet",               Reader,      false },
        { "ta bort kommunens milstolpe",     Admin,       true },
        { "ta bort kommunens milstolpe",     OwnOffice,   true },
        { "ta bort kommunens milstolpe",     OtherOffice, false },
        { "ta bort kommunens milstolpe",     Board,       false },
        { "ta bort kommunens milstolpe",     Reader,      false },
        { "ta bort milstolpe i berättelsen", Admin,       true },
        { "ta bort milstolpe i berättelsen", OwnOffice,   false },
        { "ta bort milstolpe i berättelsen", OtherOffice, false },
        { "ta bort milstolpe i berättelsen", Board,       false },
        { "ta bort milstolpe i berättelsen", Reader,      false },
        { "ta bort placering",               Admin,       true },
        { "ta bort placering",               OwnOffice,   true },
        { "ta bort placering",               OtherOffice, false },
        { "ta bort placering",               Board,       false },
        { "ta bort placering",               Reader,      false },
        { "ta bort företagets siffror",      Admin,       true },
        { "ta bort företagets siffror",      OwnOffice,   true },
        { "ta bort företagets siffror",      OtherOffice, false },
        { "ta bort företagets siffror",      Board,       false },
        { "ta bort företagets siffror",      Reader,      false },
        { "organisationen",          Admin,       true },
        { "organisationen",          OwnOffice,   false },
        { "organisationen",          OtherOffice, false },
        { "organisationen",          Board,       false },
        { "organisationen",          Reader,      false },
        { "kommunens delregion",     Admin,       true },
        { "kommunens delregion",     OwnOffice,   false },
        { "kommunens delregion",     OtherOffice, false },
        { "kommunens delregion",     Board,       false },
        { "kommunens delregion",     Reader,      false },
        { "företaget",               Admin,       true },
        { "företaget",               OwnOffice,   true },
        { "företaget",               OtherOffice, false },
        { "företaget",               Board,       false },
        { "företaget",               Reader,      false },
        { "avsluta företaget",       Admin,       true },
        { "avsluta företaget",       OwnOffice,   true },
        { "avsluta företaget",       OtherOffice, false },
        { "avsluta företaget",       Board,       false },
        { "avsluta företaget",       Reader,      false },
        { "insatsen",                Admin,       true },
        { "insatsen",                OwnOffice,   false },
        { "insatsen",                OtherOffice, false },
        { "insatsen",                Board,       false },
        { "insatsen",                Reader,      false },
        { "avsluta insatsen",        Admin,       true },
        { "avsluta insatsen",        OwnOffice,   false },
        { "avsluta insatsen",        OtherOffice, false },
        { "avsluta insatsen",        Board,       false },
        { "avsluta insatsen",        Reader,      false },
        { "insatsens texter",        Admin,       true },
        { "insatsens texter",        OwnOffice,   false },
        { "insatsens texter",        OtherOffice, false },
        { "insatsens texter",        Board,       false },
        { "insatsens texter",        Reader,      false },
    };

    /// <summary>The creates (If-None-Match: *): a new company in the own office's municipality, an insats, a plan.</summary>
    public static TheoryData<string, string, bool> Creates => new()
    {
        { "nytt företag",      Admin,       true },
        { "nytt företag",      OwnOffice,   true },
        { "nytt företag",      OtherOffice, false },
        { "nytt företag",      Board,       false },
        { "nytt företag",      Reader,      false },
        { "ny insats",         Admin,       true },
        { "ny insats",         OwnOffice,   false },
        { "ny insats",         OtherOffice, false },
        { "ny insats",         Board,       false },
        { "ny insats",         Reader,      false },
        { "ny handlingsplan",  Admin,       true },
        { "ny handlingsplan",  OwnOffice,   false },
        { "ny handlingsplan",  OtherOffice, false },
        { "ny handlingsplan",  Board,       false },
        { "ny handlingsplan",  Reader,      false },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task Each_role_may_create_exactly_what_its_scope_allows(string endpoint, string user, bool allowed)
    {
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var name = WriteEndpoint.Unique("Ny");
        var (path, body, created) = endpoint switch
        {
            "nytt företag" => ($"{WriteEndpoint.Owner}/companies", (object)new
            {
                name, legalForm = "Aktiebolag", kommunkod = WriteEndpoint.OwnKommun,
                criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true },
            }, $"{WriteEndpoint.Owner}/companies/asf-{name.ToLowerInvariant()}"),
            "ny insats" => ($"{WriteEndpoint.Owner}/insatser", new { title = name, periodStart = "2021-01-01", periodEnd = "2022-12-31" },
                $"{WriteEndpoint.Owner}/insatser/{name.ToLowerInvariant()}"),
            _ => ($"{WriteEndpoint.Insats}/plans", new { year = 2019, from = "template" }, $"{WriteEndpoint.Insats}/plans/2019"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var before = (await admin.GetAsync(created)).StatusCode; // the plan's year is shared by the rows

        var response = await client.SendAsync(request);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : before, (await admin.GetAsync(created)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_change_exactly_what_its_scope_allows(string endpoint, string user, bool allowed)
    {
        var write = WriteEndpoint.ByName(endpoint);
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var body = await write.Body(admin); // a removal row records the fact it removes here, before the ETag is read
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);

        var response = await write.SendAsync(client, etag, body);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, write.VersionedResource));
        }
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(Board, true)]
    [InlineData(OwnOffice, false)]
    [InlineData(Reader, false)]
    public async Task Generating_a_report_is_for_the_association_and_the_board(string user, bool allowed)
    {
        var client = await ClientAsync(user);

        var response = await client.PostAsJsonAsync("/api/reports/finns-inte", new { owner = "finsam-gavleborg" });

        // An allowed role gets past authorization to the catalog, which does not know the id.
        Assert.Equal(allowed ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(OwnOffice, false)]
    [InlineData(OtherOffice, false)]
    [InlineData(Board, false)]
    [InlineData(Reader, false)]
    public async Task Taking_and_restoring_a_backup_is_for_the_association_admin_only(string user, bool allowed)
    {
        var client = await ClientAsync(user);

        var backup = await client.GetAsync($"{WriteEndpoint.Owner}/backup");
        using var restore = new HttpRequestMessage(HttpMethod.Post, "/api/backup/restore") { Content = new ByteArrayContent("ingen zip"u8.ToArray()) };
        restore.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var restored = await client.SendAsync(restore);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, backup.StatusCode);
        // An allowed role gets past authorization to the check of the file, which refuses it.
        Assert.Equal(allowed ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, restored.StatusCode);
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(OwnOffice, true)]
    [InlineData(OtherOffice, false)]
    [InlineData(Board, false)]
    [InlineData(Reader, false)]
    public async Task Creating_an_event_with_If_None_Match_is_allowed_to_the_same_roles_as_recording_one(string user, bool allowed)
    {
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);

        var response = await WriteEndpoint.Event.CreateAsync(client, WriteEndpoint.EventBody(WriteEndpoint.Unique("k2183"), "Frukostmöte om ASF"));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        if (!allowed)
            Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(OwnOffice, false)]
    [InlineData(OtherOffice, false)]
    [InlineData(Board, false)]
    [InlineData(Reader, false)]
    public async Task Creating_an_organisation_is_for_the_association_admin_only(string user, bool allowed)
    {
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var id = WriteEndpoint.Unique("ny-org");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/owners")
        {
            Content = JsonContent.Create(new { id, name = $"Organisation {id}", kind = "Annan" }),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");

        var response = await client.SendAsync(request);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await admin.GetAsync($"/api/owners/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(OwnOffice, false)]
    [InlineData(Board, false)]
    [InlineData(Reader, false)]
    public async Task Adding_a_municipality_to_the_organisation_is_for_the_association_admin_only(string user, bool allowed)
    {
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var kommunkod = user switch { Admin => "2080", OwnOffice => "2081", Board => "2082", _ => "2083" }; // Dalarna: not yet the owner's
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{WriteEndpoint.Owner}/municipalities/{kommunkod}")
        {
            Content = JsonContent.Create(new { subregion = "Gastrikland" }),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");

        var response = await client.SendAsync(request);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            (await admin.GetAsync($"{WriteEndpoint.Owner}/municipalities/{kommunkod}")).StatusCode);
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(OwnOffice, false)]
    [InlineData(Board, false)]
    [InlineData(Reader, false)]
    public async Task Removing_a_municipality_from_the_organisation_is_for_the_association_admin_only(string user, bool allowed)
    {
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var kommunkod = user switch { Admin => "2084", OwnOffice => "2085", Board => "2061", _ => "2062" }; // Dalarna: not yet the owner's
        var path = $"{WriteEndpoint.Owner}/municipalities/{kommunkod}";
        using var add = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { subregion = "Gastrikland" }) };
        add.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(add)).StatusCode);
        using var remove = new HttpRequestMessage(HttpMethod.Delete, path + "?reason=Lades%20till%20av%20misstag");
        remove.Headers.TryAddWithoutValidation("If-Match", await WriteEndpoint.ETagAsync(admin, path));

        var response = await client.SendAsync(remove);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.NotFound : HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    public static TheoryData<string, string, bool> UserAdministration => new()
    {
        // endpoint              role         allowed
        { "läs konto",           Admin,       true },
        { "läs konto",           OwnOffice,   false },
        { "läs konto",           Board,       false },
        { "läs konto",           Reader,      false },
        { "ändra konto",         Admin,       true },
        { "ändra konto",         OwnOffice,   false },
        { "ändra konto",         Board,       false },
        { "ändra konto",         Reader,      false },
        { "återställ lösenord",  Admin,       true },
        { "återställ lösenord",  OwnOffice,   false },
        { "återställ lösenord",  Board,       false },
        { "återställ lösenord",  Reader,      false },
    };

    [Theory]
    [MemberData(nameof(UserAdministration))]
    public async Task Reading_changing_and_resetting_a_user_is_for_the_association_admin(string endpoint, string user, bool allowed)
    {
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var target = $"mal-{Guid.NewGuid():N}"[..16];
        await factory.CreateUserAsync(target, AccessRole.Läsare);
        var etag = await AccountRequests.ETagAsync(admin, $"/api/users/{target}");

        var response = endpoint switch
        {
            "läs konto" => await client.GetAsync($"/api/users/{target}"),
            "ändra konto" => await AccountRequests.SendAsync(client, HttpMethod.Patch, $"/api/users/{target}", new { disabled = true }, etag),
            _ => await AccountRequests.SendAsync(client, HttpMethod.Post, $"/api/users/{target}/password", new { password = "Tillfalligt-123" }, etag),
        };

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        if (!allowed)
            Assert.Equal(etag, await AccountRequests.ETagAsync(admin, $"/api/users/{target}"));
    }

    [Theory]
    [InlineData(Admin)]
    [InlineData(OwnOffice)]
    [InlineData(Board)]
    [InlineData(Reader)]
    public async Task Every_role_may_change_its_own_password(string user)
    {
        var client = await ClientAsync(user);

        // A wrong current password: the request got past authorization to the check of the password itself.
        var response = await AccountRequests.SendAsync(client, HttpMethod.Post, "/api/account/password",
            new { currentPassword = "Fel-Losenord-000", newPassword = "Ett-Nytt-Losenord-5" }, await AccountRequests.ETagAsync(client, "/api/me"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("currentPassword", (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.Keys);
    }

    [Theory]
    [InlineData(Admin, "kommunrapport", WriteEndpoint.OwnKommun, true)]
    [InlineData(Board, "kommunrapport", WriteEndpoint.OwnKommun, true)]
    [InlineData(OwnOffice, "kommunrapport", WriteEndpoint.OwnKommun, true)]
    [InlineData(OwnOffice, "kommunrapport", "2180", false)]
    [InlineData(OtherOffice, "kommunrapport", WriteEndpoint.OwnKommun, false)]
    [InlineData(OwnOffice, "handlingsplan", null, false)]
    [InlineData(Reader, "kommunrapport", WriteEndpoint.OwnKommun, false)]
    public async Task A_partner_office_makes_the_kommunrapport_of_its_own_municipality_and_no_other_report(string user,
        string report, string? municipality, bool allowed)
    {
        var client = await ClientAsync(user);

        var response = await client.PostAsJsonAsync($"/api/reports/{report}",
            new { owner = "finsam-gavleborg", insats = "asf-2016-2020", year = 2018, municipality });

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        if (await factory.Accounts.FindAsync(user) is null)
        {
            var (role, organisation) = user switch
            {
                Admin => (AccessRole.Förbundsadmin, (OrganisationRef?)null),
                OwnOffice => (AccessRole.Partnerkontor, OrganisationRef.Municipality(WriteEndpoint.OwnKommun)),
                OtherOffice => (AccessRole.Partnerkontor, OrganisationRef.Municipality("2180")),
                Board => (AccessRole.Styrelse, null),
                _ => (AccessRole.Läsare, null),
            };
            if (user == Admin)
                await factory.EnsureAdminAsync();
            else
                await factory.CreateUserAsync(user, role, organisation);
        }
        return await factory.TokenClientAsync(user);
    }
}
