using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AsfPlatform.Host.Tests;

/// <summary>An owner's backup over HTTP and on the admin page: taken from one installation, restored into an empty one,
/// and refused (with nothing stored) when the owner is there already or the file is damaged.</summary>
public sealed class BackupApiTests(DatasetHostFactory source) : IClassFixture<DatasetHostFactory>
{
    private const string Owner = "region-gavleborg";

    [Fact]
    public async Task An_owner_downloaded_from_one_installation_is_restored_into_an_empty_one_through_the_api()
    {
        await source.EnsureAdminAsync();
        var backup = await (await source.TokenClientAsync(AsfHostFactory.AdminUser)).GetAsync($"/api/owners/{Owner}/backup");
        Assert.Equal(HttpStatusCode.OK, backup.StatusCode);
        Assert.Equal("application/zip", backup.Content.Headers.ContentType!.MediaType);
        var zip = await backup.Content.ReadAsByteArrayAsync();
        using var target = new AsfHostFactory();
        await target.EnsureAdminAsync();
        var client = await target.TokenClientAsync(AsfHostFactory.AdminUser);

        var withoutHeader = await client.PostAsync("/api/backup/restore", new ByteArrayContent(zip));
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/owners/{Owner}")).StatusCode);

        var restored = await RestoreAsync(client, zip);
        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        Assert.Equal($"/api/owners/{Owner}", restored.Headers.Location!.OriginalString);
        var original = await (await source.TokenClientAsync(AsfHostFactory.AdminUser)).GetFromJsonAsync<JsonElement>($"/api/owners/{Owner}");
        var copy = await client.GetFromJsonAsync<JsonElement>($"/api/owners/{Owner}");
        Assert.Equal(original.GetProperty("name").GetString(), copy.GetProperty("name").GetString());
        Assert.Equal(original.GetProperty("insatser").GetRawText(), copy.GetProperty("insatser").GetRawText());

        var again = await RestoreAsync(client, zip);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Contains("finns redan", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_with_a_problem_naming_the_file_and_nothing_is_stored()
    {
        await source.EnsureAdminAsync();
        var zip = await (await source.TokenClientAsync(AsfHostFactory.AdminUser)).GetByteArrayAsync($"/api/owners/{Owner}/backup");
        using var target = new AsfHostFactory();
        await target.EnsureAdminAsync();
        var client = await target.TokenClientAsync(AsfHostFactory.AdminUser);

        var response = await RestoreAsync(client, zip[..(zip.Length - 100)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Säkerhetskopian kan inte återställas", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("fil", out _), problem.GetRawText());
        Assert.Contains("Inget har ändrats", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/owners/{Owner}")).StatusCode);
    }

    [Fact]
    public async Task The_admin_page_offers_the_download_and_refuses_an_upload_of_an_owner_that_exists()
    {
        await source.EnsureAdminAsync();
        var browser = await source.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
        var page = await browser.GetStringAsync("/admin/sakerhetskopia");
        Assert.Contains("Ta en säkerhetskopia", page);
        Assert.Contains($"value=\"{Owner}\"", page);
        var download = await browser.GetAsync($"/admin/sakerhetskopia?handler=Download&owner={Owner}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var zip = await download.Content.ReadAsByteArrayAsync();

        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "Fil", "region.zip" },
        };
        var upload = await browser.PostAsync("/admin/sakerhetskopia?handler=Restore", form);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var answer = await upload.Content.ReadAsStringAsync();
        Assert.Contains("finns redan", answer);
        Assert.Contains("Inget har ändrats", answer);
    }

    private static Task<HttpResponseMessage> RestoreAsync(HttpClient client, byte[] zip)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/backup/restore?fileName=region.zip") { Content = new ByteArrayContent(zip) };
        request.Content.Headers.ContentType = new("application/zip");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return client.SendAsync(request);
    }
}
