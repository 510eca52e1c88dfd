using System.Net;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>The Orleans Dashboard under /drift/orleans: for Förbundsadmin only.</summary>
public sealed class OperationsDashboardTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private async Task<HttpClient> SignedInAsync(AccessRole role)
    {
        var userName = $"drift-{(int)role}";
        if (await factory.Accounts.FindAsync(userName) is null)
            await factory.CreateUserAsync(userName, role, role == AccessRole.Partnerkontor ? OrganisationRef.Municipality("2180") : null);
        return await factory.SignedInClientAsync(userName, "Ett-Langt-Losenord-9");
    }

    [Fact]
    public async Task The_association_admin_sees_the_dashboard_and_its_live_figures_of_the_silo()
    {
        var client = await SignedInAsync(AccessRole.Förbundsadmin);

        var page = await client.GetAsync("/drift/orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());

        // The dashboard collects its figures from the silo every few seconds: right after start the list can be empty.
        var json = "";
        for (var attempt = 0; attempt < 60 && !json.Contains("\"status\":\"Active\"", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            var counters = await client.GetAsync("/drift/orleans/DashboardCounters");
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            json = await counters.Content.ReadAsStringAsync();
        }
        Assert.Contains("\"hosts\"", json);
        Assert.Contains("\"status\":\"Active\"", json);
        // The dashboard's bundle needs inline styles; scripts stay limited to the host's own origin.
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData(AccessRole.Partnerkontor)]
    [InlineData(AccessRole.Styrelse)]
    [InlineData(AccessRole.Läsare)]
    public async Task Every_other_role_is_refused_with_403(AccessRole role)
    {
        var client = await SignedInAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/drift/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/drift/orleans/DashboardCounters")).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/drift/orleans/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Only_the_association_admins_menu_links_to_the_dashboard()
    {
        var admin = await (await SignedInAsync(AccessRole.Förbundsadmin)).GetStringAsync("/");
        var reader = await (await SignedInAsync(AccessRole.Läsare)).GetStringAsync("/");

        Assert.Contains("href=\"/drift/orleans/\"", admin);
        Assert.DoesNotContain("/drift/orleans", reader);
    }
}
