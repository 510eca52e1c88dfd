using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>A field with an error says so to assistive technology, not only in the summary above the form.</summary>
public sealed class FieldErrorMarkupTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Fact]
    public async Task A_refused_field_is_marked_invalid_and_described_by_its_own_message()
    {
        await factory.EnsureAdminAsync();
        var client = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var response = await AsfHostFactory.PostFormAsync(client, "/konto/api-nycklar", new() { ["Name"] = "" }, "Issue");

        var html = await response.Content.ReadAsStringAsync();
        var input = Regex.Match(html, "<input id=\"nyckelnamn\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", input);
        Assert.Contains("aria-describedby=\"nyckelnamn-fel nyckelnamn-hjalp\"", input);
        Assert.Matches("<p class=\"field-error\" id=\"nyckelnamn-fel\">[^<]+</p>", html);
    }

    [Fact]
    public async Task A_field_without_an_error_carries_no_error_markup()
    {
        await factory.EnsureAdminAsync();
        var client = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var html = await client.GetStringAsync("/konto/api-nycklar");

        Assert.DoesNotContain("aria-invalid", html);
        Assert.Contains("aria-describedby=\"nyckelnamn-hjalp\"", html);
    }
}
