using System.Net;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

public sealed class HtmlEscapingTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Fact]
    public async Task A_script_tag_in_a_name_comes_back_escaped_while_Swedish_letters_stay_readable()
    {
        await factory.EnsureAdminAsync();
        await factory.Accounts.CreateAsync(new NewUserAccount("skript", "<script>alert('å')</script> Åsa Öberg",
            AccessRole.Läsare, null, "Ett-Langt-Losenord-9"), "test");
        var admin = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var html = await admin.GetStringAsync("/admin/anvandare");

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;å&#x27;)&lt;/script&gt; Åsa Öberg", html);
    }

    [Fact]
    public async Task Pages_carry_headers_that_forbid_framing_and_foreign_scripts()
    {
        var response = await factory.CreateClient().GetAsync("/logga-in");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
