using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Access;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Tests;

/// <summary>Accounts bound to one owner stay inside it: reads and writes of other owners, and their users.</summary>
public sealed class OwnerBindingTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Password = "Ett-Langt-Losenord-9";
    private const string OwnerA = "finsam-gavleborg", OwnerB = "region-gavleborg";

    private async Task<UserAccount> BoundAsync(string userName, AccessRole role, string? owner, OrganisationRef? organisation = null)
    {
        await factory.EnsureAdminAsync();
        return await factory.Accounts.FindAsync(userName)
               ?? await factory.Accounts.CreateAsync(new NewUserAccount(userName, $"Person {userName}", role, organisation, Password, owner), "test");
    }

    [Theory]
    [InlineData("/api/owners/" + OwnerB)]
    [InlineData("/api/owners/" + OwnerB + "/municipalities")]
    [InlineData("/api/owners/" + OwnerB + "/companies")]
    [InlineData("/api/owners/" + OwnerB + "/insatser/fler-i-arbete-genom-asf")]
    [InlineData("/api/owners/" + OwnerB + "/findings")]
    [InlineData("/api/audit/insats/" + OwnerB + "%2Ffler-i-arbete-genom-asf")]
    public async Task An_admin_bound_to_one_owner_gets_403_reading_another_owners_API_routes(string path)
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        var bound = await factory.TokenClientAsync("admin-a");
        await factory.EnsureAdminAsync();
        var unbound = await factory.TokenClientAsync(AsfHostFactory.AdminUser);

        var refused = await bound.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(OwnerB, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.OK, (await unbound.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/api/owners/" + OwnerB)]
    [InlineData("PUT", "/api/owners/" + OwnerB + "/municipalities/2080")]
    [InlineData("POST", "/api/owners/" + OwnerB + "/companies")]
    [InlineData("POST", "/api/owners/" + OwnerB + "/insatser")]
    [InlineData("POST", "/api/owners/" + OwnerB + "/insatser/fler-i-arbete-genom-asf/close")]
    [InlineData("DELETE", "/api/owners/" + OwnerB + "/insatser/fler-i-arbete-genom-asf/placements/p1?reason=Fel%20uppgift")]
    public async Task An_admin_bound_to_one_owner_gets_403_on_every_kind_of_write_to_another_owner(string method, string path)
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        var bound = await factory.TokenClientAsync("admin-a");

        // A body that binds (the API refuses one missing required properties with 400 before any scope check).
        object body = path.Split('/')[^1] switch
        {
            OwnerB => new { name = "Region Gävleborg", kind = "Region" },
            "companies" => new
            {
                name = "Nytt", legalForm = "Aktiebolag", kommunkod = "2080",
                criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true },
            },
            "insatser" => new { title = "Ny", periodStart = "2021-01-01", periodEnd = "2021-12-31" },
            _ => new { },
        };
        var refused = await AccountRequests.SendAsync(bound, new HttpMethod(method), path, body, "\"v1\"");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(OwnerB, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task An_admin_bound_to_one_owner_cannot_set_up_a_new_owner_from_the_API_or_the_page()
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        var bound = await factory.TokenClientAsync("admin-a");
        var browser = await factory.SignedInClientAsync("admin-a", Password);

        var create = new HttpRequestMessage(HttpMethod.Post, "/api/owners")
        {
            Content = JsonContent.Create(new { name = "Samordningsförbundet Bunden", kind = "Samordningsforbund" }),
        };
        create.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var refused = await bound.SendAsync(create);
        var page = await browser.GetAsync("/agare/ny");
        var start = await browser.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(OwnerA, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.DoesNotContain("/agare/ny", start);
        var owners = await (await factory.TokenClientAsync(AsfHostFactory.AdminUser)).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/owners");
        Assert.DoesNotContain(owners.EnumerateArray(), o => o.GetProperty("id").GetString() == "samordningsforbundet-bunden");
    }

    [Fact]
    public async Task An_account_bound_to_one_owner_lists_only_that_owner()
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        var bound = await factory.TokenClientAsync("admin-a");

        var owners = await bound.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/owners");

        Assert.Equal([OwnerA], owners.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_admin_bound_to_one_owner_reads_and_changes_its_own_owner_but_not_another()
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        var bound = await factory.TokenClientAsync("admin-a");
        var ownEtag = await WriteEndpoint.ETagAsync(bound, WriteEndpoint.Insats);
        var milestone = new { id = WriteEndpoint.Unique("n"), year = 2018, date = "2018-03-01", text = "Träff i Gävle." };

        var own = await AccountRequests.SendAsync(bound, HttpMethod.Put, WriteEndpoint.Insats + "/milestones", milestone, ownEtag);
        var other = await AccountRequests.SendAsync(bound, HttpMethod.Put, $"/api/owners/{OwnerB}/insatser/fler-i-arbete-genom-asf/milestones",
            milestone, "\"v1\"");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Theory]
    [InlineData("/insats/" + OwnerB + "/foretag")]
    [InlineData("/insats/" + OwnerB + "/fler-i-arbete-genom-asf/2018")]
    [InlineData("/historik/insats/" + OwnerB + "/fler-i-arbete-genom-asf")]
    public async Task A_reader_bound_to_one_owner_is_refused_another_owners_pages(string path)
    {
        await BoundAsync("lasare-a", AccessRole.Läsare, OwnerA);
        var browser = await factory.SignedInClientAsync("lasare-a", Password);

        var refused = await browser.GetAsync(path);
        var own = await browser.GetAsync(path.Replace(OwnerB, OwnerA).Replace("fler-i-arbete-genom-asf/2018", "asf-2016-2020/2017")
            .Replace("fler-i-arbete-genom-asf", "asf-2016-2020"));

        // Forbidden pages answer as every forbidden page does: the "Ingen behörighet" page, which answers 403.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/ingen-behorighet", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(refused.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_bound_admin_lists_and_changes_only_its_owners_users_and_creates_users_only_there()
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        await BoundAsync("lasare-b", AccessRole.Läsare, OwnerB);
        await BoundAsync("lasare-a2", AccessRole.Läsare, OwnerA);
        await BoundAsync("lasare-alla", AccessRole.Läsare, null);
        var bound = await factory.TokenClientAsync("admin-a");

        var listed = (await bound.GetFromJsonAsync<List<Api.UserDto>>("/api/users"))!;
        var readOther = await bound.GetAsync("/api/users/lasare-b");
        var changeOther = await AccountRequests.SendAsync(bound, HttpMethod.Patch, "/api/users/lasare-alla", new { disabled = true }, "\"v1\"");
        var createdHere = await bound.PostAsJsonAsync("/api/users", new Api.CreateUserRequest("ny-hos-a", "Ny", "Läsare", null, Password));
        var createdThere = await bound.PostAsJsonAsync("/api/users", new Api.CreateUserRequest("ny-hos-b", "Ny", "Läsare", null, Password, OwnerB));

        Assert.All(listed, u => Assert.Equal(OwnerA, u.Owner));
        Assert.Contains(listed, u => u.UserName == "lasare-a2");
        Assert.Equal(HttpStatusCode.Forbidden, readOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, changeOther.StatusCode);
        Assert.False((await factory.Accounts.FindAsync("lasare-alla"))!.Disabled);
        Assert.Equal(HttpStatusCode.Created, createdHere.StatusCode);
        Assert.Equal(OwnerA, (await factory.Accounts.FindAsync("ny-hos-a"))!.Owner);
        Assert.Equal(HttpStatusCode.Forbidden, createdThere.StatusCode);
        Assert.Null(await factory.Accounts.FindAsync("ny-hos-b"));
    }

    [Fact]
    public async Task A_bound_admins_user_page_shows_only_its_owners_users()
    {
        await BoundAsync("admin-a", AccessRole.Förbundsadmin, OwnerA);
        await BoundAsync("lasare-b", AccessRole.Läsare, OwnerB);
        await BoundAsync("lasare-a2", AccessRole.Läsare, OwnerA);
        var browser = await factory.SignedInClientAsync("admin-a", Password);

        var page = await browser.GetStringAsync("/admin/anvandare");

        Assert.Contains("lasare-a2", page);
        Assert.DoesNotContain("lasare-b", page);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/anvandare/lasare-b")).StatusCode);
    }

    [Fact]
    public async Task A_partner_office_bound_to_a_municipality_not_in_the_owner_is_refused_naming_organisation()
    {
        await factory.EnsureAdminAsync();
        var admin = await factory.TokenClientAsync(AsfHostFactory.AdminUser);

        var stockholm = await admin.PostAsJsonAsync("/api/users",
            new Api.CreateUserRequest("kontor-0180", "Stockholm", "Partnerkontor", "0180", Password, OwnerA));
        var gavle = await admin.PostAsJsonAsync("/api/users",
            new Api.CreateUserRequest("kontor-2180", "Gävle", "Partnerkontor", "2180", Password, OwnerA));

        Assert.Equal(HttpStatusCode.BadRequest, stockholm.StatusCode);
        var problem = (await stockholm.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["organisation"], problem.Errors.Keys);
        Assert.Contains(OwnerA, problem.Errors["organisation"][0]);
        Assert.Null(await factory.Accounts.FindAsync("kontor-0180"));
        Assert.Equal(HttpStatusCode.Created, gavle.StatusCode);
        Assert.Equal((OwnerA, OrganisationRef.Municipality("2180")),
            ((await factory.Accounts.FindAsync("kontor-2180"))!.Owner, (await factory.Accounts.FindAsync("kontor-2180"))!.Organisation));
    }
}
