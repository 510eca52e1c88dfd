using System.Net;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

public sealed class SetupTests : IDisposable
{
    private readonly AsfHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_sign_in_page_sends_a_fresh_installation_to_first_run_setup()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/logga-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forsta-start", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_creates_the_first_admin_once_and_then_closes()
    {
        var client = _factory.CreateBrowserClient();
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = "Forsta.Admin", ["DisplayName"] = "Första Admin",
            ["Password"] = "Ett-Langt-Losenord-9", ["PasswordRepeat"] = "Ett-Langt-Losenord-9",
        };
        var created = await AsfHostFactory.PostFormAsync(client, "/forsta-start", fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var admin = await _factory.Accounts.FindAsync("forsta.admin");
        Assert.Equal(AccessRole.Förbundsadmin, admin?.Role);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateBrowserClient().GetAsync("/forsta-start")).StatusCode);
        // The redirect signed the new admin in.
        Assert.Contains("Första Admin", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_second_setup_post_cannot_create_another_admin()
    {
        var early = _factory.CreateBrowserClient();
        var page = await early.GetStringAsync("/forsta-start"); // a form opened before the first admin existed
        await _factory.EnsureAdminAsync();

        var token = System.Text.RegularExpressions.Regex.Match(page, "__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var late = await early.PostAsync("/forsta-start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["UserName"] = "inkraktare", ["DisplayName"] = "Inkräktare",
            ["Password"] = "Ett-Langt-Losenord-9", ["PasswordRepeat"] = "Ett-Langt-Losenord-9",
        }));

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Null(await _factory.Accounts.FindAsync("inkraktare"));
    }

    [Fact]
    public async Task Racing_setups_on_the_service_create_exactly_one_admin()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await _factory.Accounts.CreateFirstAdminAsync($"admin{i}", $"Admin {i}", "Ett-Langt-Losenord-9");
                return true;
            }
            catch (AccessConflictException)
            {
                return false;
            }
        }));

        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await _factory.Accounts.ListAsync());
    }

    [Fact]
    public async Task A_too_short_password_is_refused_in_Swedish_and_nothing_is_stored()
    {
        var response = await AsfHostFactory.PostFormAsync(_factory.CreateBrowserClient(), "/forsta-start", new()
        {
            ["UserName"] = "admin", ["DisplayName"] = "Admin", ["Password"] = "kort", ["PasswordRepeat"] = "kort",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Lösenordet måste ha minst 10 tecken.", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("href=\"#losenord\"", html);
        Assert.False(await _factory.Accounts.AdminExistsAsync());
    }
}
