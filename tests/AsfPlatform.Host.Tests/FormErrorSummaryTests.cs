using System.Net;
using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// A form sent back with errors lists every one of them at once in a summary that takes the focus, and marks each
/// field it names as invalid with its own message.
/// </summary>
public sealed class FormErrorSummaryTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string EventForm = "/insats/finsam-gavleborg/asf-2016-2020/2017/aktivitet";

    [Fact]
    public async Task An_event_form_with_three_faults_lists_all_three_marks_each_field_and_focuses_the_summary()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
        var form = await browser.GetStringAsync(EventForm);
        var version = Regex.Match(form, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;
        var api = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var before = await api.GetStringAsync(WriteEndpoint.Insats);

        var response = await AsfHostFactory.PostFormAsync(browser, EventForm, new()
        {
            ["Version"] = version, ["Input.Date"] = "2030-05-05", ["Input.Type"] = "Seminarium", ["Input.Title"] = "\u200b",
            ["Input.Kommunkod"] = "2183", ["Input.Employees"] = "-3",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var summary = Regex.Match(html, "<div class=\"alert alert-error\"[^>]*>").Value;
        Assert.Contains("tabindex=\"-1\"", summary);
        Assert.Contains("autofocus", summary);
        foreach (var field in new[] { "datum", "titel", "publik-medarbetare" })
        {
            Assert.Contains($"href=\"#{field}\"", html);
            Assert.Contains("aria-invalid=\"true\"", Regex.Match(html, $"<input id=\"{field}\"[^>]*>").Value);
            Assert.Matches($"<p class=\"field-error\" id=\"{field}-fel\">[^<]+</p>", html);
        }
        Assert.Equal(before, await api.GetStringAsync(WriteEndpoint.Insats)); // nothing stored, not even the event count
    }
}
