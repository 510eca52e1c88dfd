using System.Net;
using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>The Razor forms: they write through the same rules as the API, and say so when someone saved first.</summary>
public sealed class FormTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string EventForm = "/insats/finsam-gavleborg/asf-2016-2020/2017/aktivitet";

    private async Task<HttpClient> AdminBrowserAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
    }

    private static Dictionary<string, string> EventFields(string title, string version) => new()
    {
        ["Version"] = version, ["Input.Date"] = "2017-05-05", ["Input.Type"] = "Seminarium", ["Input.Title"] = title,
        ["Input.Kommunkod"] = "2183", ["Input.Employees"] = "7",
    };

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;

    [Fact]
    public async Task Recording_an_event_through_the_form_shows_on_the_dashboard()
    {
        var browser = await AdminBrowserAsync();
        var version = VersionOf(await browser.GetStringAsync(EventForm));

        var response = await AsfHostFactory.PostFormAsync(browser, EventForm, EventFields("Seminarium i Bollnäs om ASF", version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Seminarium i Bollnäs om ASF", await browser.GetStringAsync("/insats/finsam-gavleborg/asf-2016-2020/2017"));
    }

    [Fact]
    public async Task Two_event_forms_posted_from_the_same_page_both_record_their_events()
    {
        // Each submit is a new event with its own version, so a form read before another office saved stays valid.
        var browser = await AdminBrowserAsync();
        var version = VersionOf(await browser.GetStringAsync(EventForm));

        var first = await AsfHostFactory.PostFormAsync(browser, EventForm, EventFields("Först in", version));
        var second = await AsfHostFactory.PostFormAsync(browser, EventForm, EventFields("Strax efter", version));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var dashboard = await browser.GetStringAsync("/insats/finsam-gavleborg/asf-2016-2020/2017");
        Assert.Contains("Först in", dashboard);
        Assert.Contains("Strax efter", dashboard);
    }

    [Fact]
    public async Task Invalid_form_input_is_named_next_to_its_field()
    {
        var browser = await AdminBrowserAsync();
        var version = VersionOf(await browser.GetStringAsync(EventForm));

        var response = await AsfHostFactory.PostFormAsync(browser, EventForm, EventFields("", version));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#titel\"", html);
        Assert.Contains("<label for=\"titel\">Titel</label>", html);
    }

    [Theory]
    [InlineData("/insats/finsam-gavleborg/asf-2016-2020/2017")]
    [InlineData("/insats/finsam-gavleborg/asf-2016-2020/2017/placering")]
    [InlineData("/insats/finsam-gavleborg/asf-2016-2020/2017/plan")]
    [InlineData("/insats/finsam-gavleborg/foretag")]
    [InlineData("/asf-register/finsam-gavleborg")]
    [InlineData("/asf-register/finsam-gavleborg/asf-gladjeverket")]
    [InlineData("/insatser/finsam-gavleborg")]
    [InlineData("/insatser/finsam-gavleborg/asf-2016-2020")]
    [InlineData("/insatser/finsam-gavleborg/asf-2016-2020/ny-handlingsplan")]
    [InlineData("/foretag/finsam-gavleborg/asf-gladjeverket/siffror")]
    [InlineData("/kommun/finsam-gavleborg/2183/milstolpe")]
    [InlineData("/rapporter")]
    [InlineData("/historik/insats/finsam-gavleborg%2Fasf-2016-2020")]
    public async Task Every_page_renders_for_the_association(string path)
    {
        var browser = await AdminBrowserAsync();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // Every input, select and textarea that is not hidden has a label pointing at its id.
        foreach (Match input in Regex.Matches(html, "<(input|select|textarea)(?![^>]*type=\"(hidden|radio|checkbox)\")[^>]*id=\"([^\"]+)\""))
            Assert.Contains($"for=\"{input.Groups[3].Value}\"", html);
    }
}
