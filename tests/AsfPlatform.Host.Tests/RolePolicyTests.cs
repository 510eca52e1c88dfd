using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Host.Api;

namespace AsfPlatform.Host.Tests;

public sealed class RolePolicyTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    public static TheoryData<AccessRole, bool> AdminOnly => new()
    {
        { AccessRole.Förbundsadmin, true }, { AccessRole.Partnerkontor, false },
        { AccessRole.Styrelse, false }, { AccessRole.Läsare, false },
    };

    private async Task<HttpClient> ClientForAsync(AccessRole role)
    {
        var userName = $"roll-{role.ToString().ToLowerInvariant().Replace('ö', 'o').Replace('ä', 'a')}";
        if (await factory.Accounts.FindAsync(userName) is null)
            await factory.CreateUserAsync(userName, role, role == AccessRole.Partnerkontor ? OrganisationRef.Municipality("2181") : null);
        return await factory.TokenClientAsync(userName);
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task Only_the_association_admin_may_list_users(AccessRole role, bool allowed)
    {
        var client = await ClientForAsync(role);

        var response = await client.GetAsync("/api/users");

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task Only_the_association_admin_may_create_users(AccessRole role, bool allowed)
    {
        var client = await ClientForAsync(role);
        var userName = $"ny-{Guid.NewGuid():N}"[..20];

        var response = await client.PostAsJsonAsync("/api/users",
            new CreateUserRequest(userName, "Ny Person", "Läsare", null, "Ett-Langt-Losenord-9"));

        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(allowed, await factory.Accounts.FindAsync(userName) is not null);
    }

    [Theory]
    [InlineData(AccessRole.Förbundsadmin, HttpStatusCode.OK)]
    [InlineData(AccessRole.Partnerkontor, HttpStatusCode.Redirect)]
    [InlineData(AccessRole.Styrelse, HttpStatusCode.Redirect)]
    [InlineData(AccessRole.Läsare, HttpStatusCode.Redirect)]
    public async Task The_user_admin_page_is_for_admins_only(AccessRole role, HttpStatusCode expected)
    {
        var userName = $"sida-{(int)role}";
        if (await factory.Accounts.FindAsync(userName) is null)
            await factory.CreateUserAsync(userName, role, role == AccessRole.Partnerkontor ? OrganisationRef.Municipality("2180") : null);
        var client = await factory.SignedInClientAsync(userName, "Ett-Langt-Losenord-9");

        var response = await client.GetAsync("/admin/anvandare");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.StartsWith("/ingen-behorighet", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Each_policy_admits_exactly_the_intended_roles()
    {
        static async Task<bool> Admits(string policy, AccessRole role)
        {
            var services = new ServiceCollection().AddAuthorizationCore();
            new Microsoft.AspNetCore.Authorization.AuthorizationBuilder(services).AddAccessPolicies();
            using var provider = services.AddLogging().BuildServiceProvider();
            var authorization = provider.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
            var user = AccessClaims.CreatePrincipal(new UserAccount("x", "X", role,
                role == AccessRole.Partnerkontor ? OrganisationRef.Municipality("2180") : null, false, DateTimeOffset.UtcNow, "s"), "test");
            return (await authorization.AuthorizeAsync(user, null, policy)).Succeeded;
        }

        var expected = new Dictionary<string, AccessRole[]>
        {
            [AccessPolicies.Read] = [AccessRole.Förbundsadmin, AccessRole.Partnerkontor, AccessRole.Styrelse, AccessRole.Läsare],
            [AccessPolicies.Record] = [AccessRole.Förbundsadmin, AccessRole.Partnerkontor],
            [AccessPolicies.Reports] = [AccessRole.Förbundsadmin, AccessRole.Styrelse, AccessRole.Partnerkontor],
            [AccessPolicies.Admin] = [AccessRole.Förbundsadmin],
        };
        foreach (var (policy, roles) in expected)
            foreach (var role in AccessRoles.All)
                Assert.True(roles.Contains(role) == await Admits(policy, role), $"{policy} × {role}");
    }

    [Fact]
    public void A_partner_office_may_edit_only_its_own_municipality()
    {
        var office = AccessClaims.CreatePrincipal(new UserAccount("k", "K", AccessRole.Partnerkontor,
            OrganisationRef.Municipality("2180"), false, DateTimeOffset.UtcNow, "s"), "test");
        var admin = AccessClaims.CreatePrincipal(new UserAccount("a", "A", AccessRole.Förbundsadmin, null, false,
            DateTimeOffset.UtcNow, "s"), "test");
        var board = AccessClaims.CreatePrincipal(new UserAccount("b", "B", AccessRole.Styrelse, null, false,
            DateTimeOffset.UtcNow, "s"), "test");

        Assert.True(office.CanEditMunicipality("2180"));
        Assert.False(office.CanEditMunicipality("2181"));
        Assert.True(admin.CanEditMunicipality("2181"));
        Assert.False(board.CanEditMunicipality("2180"));
    }

    [Fact]
    public async Task Bad_user_input_comes_back_as_ProblemDetails_naming_the_field_and_nothing_is_stored()
    {
        var admin = await ClientForAsync(AccessRole.Förbundsadmin);

        var response = await admin.PostAsJsonAsync("/api/users",
            new CreateUserRequest("kontor-utan-org", "Kontor", "Partnerkontor", "Kommun Gävle", "Ett-Langt-Losenord-9"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("organisation", problem!.Errors.Keys);
        Assert.Contains("kommunkod med fyra siffror", problem.Errors["organisation"][0]);
        Assert.Null(await factory.Accounts.FindAsync("kontor-utan-org"));
    }
}
