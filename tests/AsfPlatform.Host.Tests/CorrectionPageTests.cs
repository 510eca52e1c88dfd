using System.Net;
using System.Text.RegularExpressions;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>The correction forms and the removal page: a required reason, the fact shown first, the history keeps why.</summary>
public sealed class CorrectionPageTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Dashboard = "/insats/finsam-gavleborg/asf-2016-2020/2017";

    private async Task<(HttpClient Browser, HttpClient Api)> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return (await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword),
            await factory.TokenClientAsync(AsfHostFactory.AdminUser));
    }

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;

    [Fact]
    public async Task Removing_a_placement_on_its_own_page_needs_a_reason_and_the_history_shows_it()
    {
        var (browser, api) = await AdminAsync();
        var removal = (WriteEndpoint.Removal)await WriteEndpoint.RemovePlacement.Body(api);
        var id = removal.Path.Split('/')[^1];
        var page = $"/ta-bort/finsam-gavleborg/placering/asf-2016-2020/{id}";
        Assert.Contains($"href=\"{page}\"", await browser.GetStringAsync($"{Dashboard}/placering"));
        var html = await browser.GetStringAsync(page);
        Assert.Contains("<label for=\"anledning\">Anledning</label>", html);

        var refused = await AsfHostFactory.PostFormAsync(browser, page, new() { ["Version"] = VersionOf(html), ["Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#anledning\"", await refused.Content.ReadAsStringAsync());
        Assert.Contains(id, await browser.GetStringAsync($"{Dashboard}/placering"));

        var removed = await AsfHostFactory.PostFormAsync(browser, page, new() { ["Version"] = VersionOf(html), ["Reason"] = "Registrerad två gånger" });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(id, await browser.GetStringAsync($"{Dashboard}/placering"));
        Assert.Contains("Registrerad två gånger", await browser.GetStringAsync("/historik/insats/finsam-gavleborg%2Fasf-2016-2020"));
    }

    [Fact]
    public async Task Correcting_an_event_through_the_form_needs_a_reason_and_shows_the_new_title_on_the_dashboard()
    {
        var (browser, api) = await AdminAsync();
        var id = WriteEndpoint.Unique("k2183");
        Assert.Equal(HttpStatusCode.OK, (await WriteEndpoint.Event.CreateAsync(api, WriteEndpoint.EventBody(id, "Frukostmöte med fel titel"))).StatusCode);
        var form = $"{Dashboard}/aktivitet?id={id}";
        Assert.Contains($"href=\"{form}\"", (await browser.GetStringAsync(Dashboard)).Replace("&amp;", "&"));
        var html = await browser.GetStringAsync(form);
        Assert.Contains("value=\"Frukostmöte med fel titel\"", html);
        Dictionary<string, string> Fields(string reason) => new()
        {
            ["Version"] = VersionOf(html), ["Input.Id"] = id, ["Input.Date"] = "2017-04-04", ["Input.Type"] = "Frukostmote",
            ["Input.Title"] = "Frukostmöte om ASF i Bollnäs", ["Input.Kommunkod"] = "2183", ["Reason"] = reason,
        };

        var refused = await AsfHostFactory.PostFormAsync(browser, form, Fields(""));
        Assert.Contains("href=\"#anledning\"", await refused.Content.ReadAsStringAsync());

        var corrected = await AsfHostFactory.PostFormAsync(browser, form, Fields("Titeln var fel"));

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Contains("Frukostmöte om ASF i Bollnäs", await api.GetStringAsync($"{WriteEndpoint.Insats}/events/{id}"));
        Assert.Equal("Titeln var fel", (await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1))[0].Reason);
    }

    [Theory]
    [InlineData("/kommun/finsam-gavleborg/2183/milstolpe")]
    [InlineData("/foretag/finsam-gavleborg/asf-gladjeverket/siffror")]
    public async Task The_lists_of_milestones_and_figures_link_each_row_to_its_correction_and_removal(string path)
    {
        var (browser, api) = await AdminAsync();
        await WriteEndpoint.RemoveMunicipalMilestone.Body(api); // makes sure there are rows: a milestone and figures
        await WriteEndpoint.RemoveFigures.Body(api);

        var html = await browser.GetStringAsync(path);

        Assert.Contains("Ändra <span class=\"visually-hidden\">", html);
        Assert.Contains("href=\"/ta-bort/finsam-gavleborg/", html);
    }
}
