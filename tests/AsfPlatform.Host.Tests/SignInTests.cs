using System.Net;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

public sealed class SignInTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_shows_the_start_page()
    {
        await factory.CreateUserAsync("lasare1", AccessRole.Läsare);
        var client = await factory.SignedInClientAsync("Lasare1", "Ett-Langt-Losenord-9");

        var start = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var html = WebUtility.HtmlDecode(await start.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("Välkommen, Person lasare1", html);
        Assert.Contains("Läsare – läser allt", html);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Swedish_message_and_no_session()
    {
        await factory.CreateUserAsync("lasare2", AccessRole.Läsare);
        var client = factory.CreateBrowserClient();

        var response = await AsfHostFactory.PostFormAsync(client, "/logga-in",
            new() { ["UserName"] = "lasare2", ["Password"] = "fel-losenord-123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel användarnamn eller lösenord.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/logga-in", start.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        await factory.EnsureAdminAsync();
        var response = await AsfHostFactory.PostFormAsync(factory.CreateBrowserClient(), "/logga-in",
            new() { ["UserName"] = "finns-inte", ["Password"] = "fel-losenord-123" });

        Assert.Contains("Fel användarnamn eller lösenord.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session()
    {
        await factory.CreateUserAsync("lasare3", AccessRole.Läsare);
        var client = await factory.SignedInClientAsync("lasare3", "Ett-Langt-Losenord-9");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await factory.Accounts.UpdateAsync("lasare3", new UserAccountChange(Disabled: true), "test");

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var again = await AsfHostFactory.PostFormAsync(factory.CreateBrowserClient(), "/logga-in",
            new() { ["UserName"] = "lasare3", ["Password"] = "Ett-Langt-Losenord-9" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, not a redirect into the site
    }

    [Fact]
    public async Task Signing_out_removes_the_session()
    {
        await factory.CreateUserAsync("lasare4", AccessRole.Läsare);
        var client = await factory.SignedInClientAsync("lasare4", "Ett-Langt-Losenord-9");

        var signOut = await AsfHostFactory.PostFormAsync(client, "/logga-ut", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_not_followed()
    {
        await factory.CreateUserAsync("lasare5", AccessRole.Läsare);
        var client = factory.CreateBrowserClient();

        var response = await AsfHostFactory.PostFormAsync(client, "/logga-in", new()
        {
            ["UserName"] = "lasare5", ["Password"] = "Ett-Langt-Losenord-9", ["ReturnUrl"] = "https://example.org/",
        });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

public sealed class SignInRateLimitTests : IDisposable
{
    // Three failures lock an account; the address (an office of many people) has its own, higher limit.
    private readonly AsfHostFactory _factory = new() { SignInLimit = 3 };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Too_many_wrong_passwords_lock_the_account_with_429_and_a_Swedish_message_but_not_its_colleagues()
    {
        await _factory.CreateUserAsync("offer", AccessRole.Läsare);
        await _factory.CreateUserAsync("kollega", AccessRole.Läsare);
        var client = _factory.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await AsfHostFactory.PostFormAsync(client, "/logga-in",
                new() { ["UserName"] = "offer", ["Password"] = $"gissning-nummer-{i}" });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var limited = await AsfHostFactory.PostFormAsync(client, "/logga-in",
            new() { ["UserName"] = "offer", ["Password"] = "Ett-Langt-Losenord-9" });
        var colleague = await AsfHostFactory.PostFormAsync(_factory.CreateBrowserClient(), "/logga-in",
            new() { ["UserName"] = "kollega", ["Password"] = "Ett-Langt-Losenord-9" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("För många inloggningsförsök", await limited.Content.ReadAsStringAsync());
        // Even the right password does not get through while limited; showing the form still works.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/logga-in")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }
}
