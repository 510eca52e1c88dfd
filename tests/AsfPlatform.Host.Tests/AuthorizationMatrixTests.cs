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
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_change_exactly_what_its_scope_allows(string endpoint, string user, bool allowed)
    {
        var write = WriteEndpoint.ByName(endpoint);
        var admin = await ClientAsync(Admin);
        var client = await ClientAsync(user);
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);

        var response = await write.SendAsync(client, etag, await write.Body(admin));

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
