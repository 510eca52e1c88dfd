using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>The insats' own texts: read and replaced over the API and on the "Insatsens texter" page, versioned and audited.</summary>
public sealed class NarrativeTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Texts = WriteEndpoint.Insats + "/narrative";
    private const string Page = "/insatser/finsam-gavleborg/asf-2016-2020/texter";

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, JsonNode body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Texts) { Content = JsonContent.Create(body) };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_dataset_carries_the_final_reports_own_analysis_conclusions_and_year_narratives()
    {
        var admin = await AdminAsync();
        var texts = JsonNode.Parse(await admin.GetStringAsync(Texts))!;

        Assert.StartsWith("Vi kan konstatera att insatsens uppdrag om aktiv kunskapsspridning", texts["analysis"]!.GetValue<string>());
        Assert.Contains("à 6 månaders placering", texts["individualTrack"]!.GetValue<string>());
        Assert.Contains("mellan 100 % och 50 %", texts["assignment"]!.GetValue<string>());
        var years = texts["years"]!.AsArray().ToDictionary(y => y!["year"]!.GetValue<int>(), y => y!["text"]!.GetValue<string>());
        Assert.Contains("80 %", years[2019]);
    }

    [Fact]
    public async Task Replacing_the_texts_with_the_version_read_stores_them_and_audits_before_and_after()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);
        var texts = JsonNode.Parse(await admin.GetStringAsync(Texts))!;
        var before = texts["lessons"]!.GetValue<string>();
        texts["lessons"] = "Kunskapsspridning ger resultat.";

        var response = await PutAsync(admin, texts, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        Assert.Equal("Kunskapsspridning ger resultat.", JsonNode.Parse(await admin.GetStringAsync(Texts))!["lessons"]!.GetValue<string>());
        var audit = (await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1))[0];
        Assert.Equal("insatsens texter ändrade", audit.Action);
        Assert.Contains(before[..20], audit.BeforeJson);
        Assert.Contains("Kunskapsspridning ger resultat.", audit.AfterJson);
    }

    [Fact]
    public async Task A_text_with_a_personal_identity_number_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);
        var texts = JsonNode.Parse(await admin.GetStringAsync(Texts))!;
        texts["analysis"] = "Deltagaren 19121212-1212 gick vidare till arbete.";

        var response = await PutAsync(admin, texts, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("analysis", out _), problem.ToString());
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
    }

    [Fact]
    public async Task A_year_outside_the_insats_period_is_refused_naming_the_year()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);
        var texts = JsonNode.Parse(await admin.GetStringAsync(Texts))!;
        texts["years"]!.AsArray().Add(new JsonObject { ["year"] = 2023, ["text"] = "Efter insatsen." });

        var response = await PutAsync(admin, texts, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(response)).GetProperty("errors").TryGetProperty("years[5].year", out _));
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
    }

    [Fact]
    public async Task The_texts_page_shows_every_text_and_saves_a_changed_year_narrative()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
        var html = await browser.GetStringAsync(Page);
        Assert.Contains("<h1>Insatsens texter</h1>", html);
        Assert.Contains("<label for=\"ar-2019\">År 2019</label>", html);
        Assert.Contains("Vi kan konstatera att insatsens uppdrag", html);
        var version = Regex.Match(html, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;
        var admin = await AdminAsync();
        var texts = JsonNode.Parse(await admin.GetStringAsync(Texts))!;
        var fields = new Dictionary<string, string> { ["Version"] = version };
        foreach (var (name, property) in new[] { ("assignment", "Assignment"), ("background", "Background"), ("individualTrack", "IndividualTrack"),
                     ("lessons", "Lessons"), ("structuralSummary", "StructuralSummary"), ("analysis", "Analysis") })
            fields[$"Input.{property}"] = texts[name]?.GetValue<string>() ?? "";
        foreach (var year in texts["years"]!.AsArray())
            fields[$"Input.Years[{year!["year"]}]"] = year["text"]!.GetValue<string>();
        fields["Input.Years[2016]"] = "Året då processledaren rekryterades.";
        fields["Input.Years[2020]"] = "   "; // nothing written: the year is left out

        var response = await AsfHostFactory.PostFormAsync(browser, Page, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = JsonNode.Parse(await admin.GetStringAsync(Texts))!;
        Assert.Equal("Året då processledaren rekryterades.", saved["years"]![0]!["text"]!.GetValue<string>());
        Assert.Equal([2016, 2017, 2018, 2019], saved["years"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()));
        Assert.Null(saved["conclusions"]); // the form sent none
        Assert.Equal(texts["analysis"]!.GetValue<string>(), saved["analysis"]!.GetValue<string>());
    }
}
