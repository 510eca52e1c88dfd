using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Access;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Tests;

/// <summary>Disabling, enabling, resetting passwords and changing one's own password, through the pages and the API.</summary>
public sealed class UserAdministrationTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private const string Password = "Ett-Langt-Losenord-9";

    private async Task<HttpClient> AdminPageClientAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
    }

    private async Task<HttpClient> AdminApiClientAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    [Fact]
    public async Task The_disable_button_on_the_user_page_disables_the_user_and_ends_their_session_token_and_sign_in()
    {
        await factory.CreateUserAsync("stangs-av", AccessRole.Läsare);
        var session = await factory.SignedInClientAsync("stangs-av", Password);
        var token = await factory.TokenClientAsync("stangs-av");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/me")).StatusCode);
        var admin = await AdminPageClientAsync();

        // The hidden fields exactly as the page renders them, as the browser sends them when "Stäng av" is pressed.
        var fields = AccountRequests.StatusFormOf(await admin.GetStringAsync("/admin/anvandare"), "stangs-av");
        var response = await AsfHostFactory.PostFormAsync(admin, "/admin/anvandare", fields, handler: "Status");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await factory.Accounts.FindAsync("stangs-av"))!.Disabled);
        var page = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/logga-in", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        var signIn = await AsfHostFactory.PostFormAsync(factory.CreateBrowserClient(), "/logga-in",
            new() { ["UserName"] = "stangs-av", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Fel användarnamn eller lösenord.", await signIn.Content.ReadAsStringAsync());
        var audit = await factory.Services.GetRequiredService<IAuditLog>().ReadAsync("användare", "stangs-av");
        Assert.Contains(audit, e => e.Action == "ändrad" && e.Actor == AsfHostFactory.AdminUser
                                    && e.BeforeJson!.Contains("\"disabled\":false") && e.AfterJson!.Contains("\"disabled\":true"));
    }

    [Fact]
    public async Task Enabling_a_disabled_user_through_the_API_lets_their_token_and_sign_in_work_again()
    {
        await factory.CreateUserAsync("aktiveras", AccessRole.Styrelse);
        var token = await factory.TokenClientAsync("aktiveras");
        var admin = await AdminApiClientAsync();

        var disabled = await AccountRequests.PatchUserAsync(admin, "aktiveras", new { disabled = true });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);

        var enabled = await AccountRequests.PatchUserAsync(admin, "aktiveras", new { disabled = false });

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.False((await enabled.Content.ReadFromJsonAsync<Api.UserDto>())!.Disabled);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/me")).StatusCode);
        await factory.SignedInClientAsync("aktiveras", Password);
    }

    [Fact]
    public async Task Changing_a_user_needs_If_Match_and_refuses_a_stale_one_storing_nothing()
    {
        await factory.CreateUserAsync("versioner", AccessRole.Läsare);
        var admin = await AdminApiClientAsync();
        var etag = await AccountRequests.ETagAsync(admin, "/api/users/versioner");

        var without = await AccountRequests.SendAsync(admin, HttpMethod.Patch, "/api/users/versioner", new { displayName = "Utan" }, null);
        var first = await AccountRequests.SendAsync(admin, HttpMethod.Patch, "/api/users/versioner", new { displayName = "Först" }, etag);
        var stale = await AccountRequests.SendAsync(admin, HttpMethod.Patch, "/api/users/versioner", new { role = "Förbundsadmin" }, etag);

        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var account = (await factory.Accounts.FindAsync("versioner"))!;
        Assert.Equal(("Först", AccessRole.Läsare), (account.DisplayName, account.Role));
    }

    [Fact]
    public async Task An_admin_changes_role_organisation_and_name_and_bad_input_names_the_field()
    {
        await factory.CreateUserAsync("byter-roll", AccessRole.Läsare);
        var admin = await AdminApiClientAsync();

        var bad = await AccountRequests.PatchUserAsync(admin, "byter-roll", new { role = "Kejsare" });
        var changed = await AccountRequests.PatchUserAsync(admin, "byter-roll",
            new { displayName = "Gävle kontor", role = "Partnerkontor", organisation = "2180" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("role", (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var account = (await factory.Accounts.FindAsync("byter-roll"))!;
        Assert.Equal(("Gävle kontor", AccessRole.Partnerkontor, OrganisationRef.Municipality("2180")),
            (account.DisplayName, account.Role, account.Organisation));
    }

    [Fact]
    public async Task The_user_edit_page_changes_role_and_organisation_and_resets_the_password()
    {
        await factory.CreateUserAsync("sidan-andrar", AccessRole.Läsare);
        var admin = await AdminPageClientAsync();
        const string page = "/admin/anvandare/sidan-andrar";
        string VersionOn(string html) => System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var saved = await AsfHostFactory.PostFormAsync(admin, page, new()
        {
            ["Version"] = VersionOn(await admin.GetStringAsync(page)), ["DisplayName"] = "Bollnäs kontor", ["Role"] = "Partnerkontor",
            ["Organisation"] = "2183",
        }, handler: "Save");
        var reset = await AsfHostFactory.PostFormAsync(admin, page, new()
        {
            ["Version"] = VersionOn(await admin.GetStringAsync(page)), ["Password"] = "Tillfalligt-456",
        }, handler: "Password");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var account = (await factory.Accounts.FindAsync("sidan-andrar"))!;
        Assert.Equal(("Bollnäs kontor", AccessRole.Partnerkontor, OrganisationRef.Municipality("2183"), true),
            (account.DisplayName, account.Role, account.Organisation, account.MustChangePassword));
        Assert.NotNull(await factory.Accounts.VerifyPasswordAsync("sidan-andrar", "Tillfalligt-456"));
    }

    [Fact]
    public async Task After_a_password_reset_the_next_sign_in_must_change_the_password_before_anything_else()
    {
        await factory.CreateUserAsync("aterstalls", AccessRole.Styrelse);
        var token = await factory.TokenClientAsync("aterstalls");
        var admin = await AdminApiClientAsync();

        var reset = await AccountRequests.SendAsync(admin, HttpMethod.Post, "/api/users/aterstalls/password",
            new { password = "Tillfalligt-123" }, await AccountRequests.ETagAsync(admin, "/api/users/aterstalls"));

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/tokens")).StatusCode); // tokens are unaffected
        var browser = await factory.SignedInClientAsync("aterstalls", "Tillfalligt-123");
        var start = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/konto/byt-losenord", start.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/rapporter")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/tokens")).StatusCode);

        var change = await AsfHostFactory.PostFormAsync(browser, "/konto/byt-losenord", new()
        {
            ["CurrentPassword"] = "Tillfalligt-123", ["NewPassword"] = "Mitt-Eget-Losen-4", ["NewPasswordRepeat"] = "Mitt-Eget-Losen-4",
        });

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.False((await factory.Accounts.FindAsync("aterstalls"))!.MustChangePassword);
        Assert.NotNull(await factory.Accounts.VerifyPasswordAsync("aterstalls", "Mitt-Eget-Losen-4"));
    }

    [Fact]
    public async Task Changing_ones_own_password_with_a_wrong_current_password_names_the_field_and_changes_nothing()
    {
        await factory.CreateUserAsync("fel-nuvarande", AccessRole.Läsare);
        var browser = await factory.SignedInClientAsync("fel-nuvarande", Password);
        var token = await factory.TokenClientAsync("fel-nuvarande");

        var page = await AsfHostFactory.PostFormAsync(browser, "/konto/byt-losenord", new()
        {
            ["CurrentPassword"] = "Inte-Mitt-Losen-1", ["NewPassword"] = "Mitt-Nya-Losen-22", ["NewPasswordRepeat"] = "Mitt-Nya-Losen-22",
        });
        var api = await AccountRequests.SendAsync(token, HttpMethod.Post, "/api/account/password",
            new { currentPassword = "Inte-Mitt-Losen-1", newPassword = "Mitt-Nya-Losen-22" }, await AccountRequests.ETagAsync(token, "/api/me"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<a href=\"#nuvarande-losenord\">Nuvarande lösenord: Det nuvarande lösenordet stämmer inte.</a>",
            await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("currentPassword", (await api.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.NotNull(await factory.Accounts.VerifyPasswordAsync("fel-nuvarande", Password));
    }

    [Fact]
    public async Task Changing_ones_own_password_through_the_API_needs_If_Match_and_keeps_the_token_working()
    {
        await factory.CreateUserAsync("eget-api", AccessRole.Läsare);
        var token = await factory.TokenClientAsync("eget-api");
        var body = new { currentPassword = Password, newPassword = "Ett-Nytt-Losenord-5" };

        var without = await AccountRequests.SendAsync(token, HttpMethod.Post, "/api/account/password", body, null);
        var with = await AccountRequests.SendAsync(token, HttpMethod.Post, "/api/account/password", body,
            await AccountRequests.ETagAsync(token, "/api/me"));

        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.NotNull(await factory.Accounts.VerifyPasswordAsync("eget-api", "Ett-Nytt-Losenord-5"));
        Assert.Null(await factory.Accounts.VerifyPasswordAsync("eget-api", Password));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/me")).StatusCode);
        var audit = await factory.Services.GetRequiredService<IAuditLog>().ReadAsync("användare", "eget-api");
        Assert.Contains(audit, e => e.Action == "bytte eget lösenord" && e.Actor == "eget-api");
    }
}
