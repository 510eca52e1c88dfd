using System.Net;
using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>The insats's milestones in its story, on a page of their own: recorded, corrected with a reason, removed.</summary>
public sealed class NarrativeMilestonePageTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Page = "/insats/finsam-gavleborg/asf-2016-2020/berattelse";

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
    }

    [Fact]
    public async Task An_admin_records_a_narrative_milestone_corrects_it_with_a_reason_and_removes_it()
    {
        var browser = await AdminAsync();
        Assert.Contains($"href=\"{Page}\"", await browser.GetStringAsync("/insats/finsam-gavleborg/asf-2016-2020/2017"));
        var html = await browser.GetStringAsync(Page);
        var text = $"Länsträff för ASF-nätverket {Guid.NewGuid():N}"[..40];

        var added = await AsfHostFactory.PostFormAsync(browser, Page, new()
        {
            ["Version"] = VersionOf(html), ["Input.Year"] = "2018", ["Input.Date"] = "2018-05-15", ["Input.Text"] = text, ["Input.Tag"] = "natverk",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        html = await browser.GetStringAsync(Page);
        Assert.Contains($"2018-05-15 – {text} (etikett: natverk)", html);
        var id = Regex.Match(html, $"{Regex.Escape(text)}.*?href=\"\\?id=([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        var form = await browser.GetStringAsync($"{Page}?id={id}");
        var unexplained = await AsfHostFactory.PostFormAsync(browser, $"{Page}?id={id}", new()
        {
            ["Version"] = VersionOf(form), ["Input.Id"] = id, ["Input.Year"] = "2018", ["Input.Text"] = text + " i Gävle", ["Reason"] = "",
        });
        Assert.Contains("href=\"#anledning\"", await unexplained.Content.ReadAsStringAsync());
        var corrected = await AsfHostFactory.PostFormAsync(browser, $"{Page}?id={id}", new()
        {
            ["Version"] = VersionOf(form), ["Input.Id"] = id, ["Input.Year"] = "2018", ["Input.Text"] = text + " i Gävle",
            ["Reason"] = "Orten saknades",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Contains(text + " i Gävle", await browser.GetStringAsync(Page));

        var removalPage = $"/ta-bort/finsam-gavleborg/berattelse/asf-2016-2020/{id}";
        var removal = await browser.GetStringAsync(removalPage);
        var removed = await AsfHostFactory.PostFormAsync(browser, removalPage, new() { ["Version"] = VersionOf(removal), ["Reason"] = "Dubblett" });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(text, await browser.GetStringAsync(Page));
        Assert.Contains("Dubblett", await browser.GetStringAsync("/historik/insats/finsam-gavleborg%2Fasf-2016-2020"));
    }

    [Fact]
    public async Task A_narrative_milestone_without_text_is_refused_next_to_its_field_and_nothing_is_stored()
    {
        var browser = await AdminAsync();
        var html = await browser.GetStringAsync(Page);

        var refused = await AsfHostFactory.PostFormAsync(browser, Page, new()
        {
            ["Version"] = VersionOf(html), ["Input.Year"] = "2018", ["Input.Text"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#text\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(VersionOf(html), VersionOf(await browser.GetStringAsync(Page)));
    }

    [Fact]
    public async Task An_admin_removes_a_municipality_from_the_organisation_page_with_a_reason()
    {
        var browser = await AdminAsync();
        var api = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        using var add = new HttpRequestMessage(HttpMethod.Put, "/api/owners/finsam-gavleborg/municipalities/2026")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { subregion = "Gastrikland" }),
        };
        add.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(add)).StatusCode);
        const string removalPage = "/ta-bort/finsam-gavleborg/kommun/2026/2026";
        Assert.Contains($"href=\"{removalPage}\"", await browser.GetStringAsync("/agare/finsam-gavleborg"));
        var removal = await browser.GetStringAsync(removalPage);

        var removed = await AsfHostFactory.PostFormAsync(browser, removalPage, new() { ["Version"] = VersionOf(removal), ["Reason"] = "Fel län" });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/owners/finsam-gavleborg/municipalities/2026")).StatusCode);
        Assert.DoesNotContain(removalPage, await browser.GetStringAsync("/agare/finsam-gavleborg"));
    }
}
