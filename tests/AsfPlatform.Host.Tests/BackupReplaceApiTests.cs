using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Backup;
using AsfPlatform.Contracts;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// A replace over the API on a real host and silo whose grain storage fails once on command: the write that fails
/// midway leaves nothing behind (what was written before it is put back), and the same request then completes.
/// </summary>
public sealed class BackupReplaceApiTests
{
    private const string Owner = "finsam-gavleborg";

    [Fact]
    public async Task A_storage_fault_midway_through_a_replace_puts_back_what_was_written_and_the_next_try_replaces_everything()
    {
        using var host = new FaultyStorageHostFactory();
        var faults = host.Faults;
        await host.EnsureAdminAsync();
        var client = await host.TokenClientAsync(AsfHostFactory.AdminUser);
        var zip = await client.GetByteArrayAsync($"/api/owners/{Owner}/backup");
        var backup = await BackupReader.ReadAsync(new MemoryStream(zip));
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        // A company (written first by the replace) and a placement of the insats (written after it).
        var company = backup.Companies[0].Company;
        await grains.GetGrain<ICompanyGrain>(GrainKeys.Company(Owner, company.Id))
            .Register(new RegisterCompany(company with { Note = "Ändrad efter säkerhetskopian" }));
        var placement = backup.Placements[0];
        await grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, placement.InsatsId))
            .RecordPlacement(new RecordPlacement(placement.Placement with { PlacesGranted = placement.Placement.PlacesGranted + 4 }));
        var changed = await ReadAsync(host);

        faults.FailWriteOf("asf.insats");
        var failed = await client.PostAsync("/api/backup/restore?replace=true&fileName=finsam.zip", new ByteArrayContent(zip));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("återställt", await failed.Content.ReadAsStringAsync());
        Assert.Equal(1, faults.Failed);
        var afterFailure = await ReadAsync(host);
        Assert.Equal(Json(Content(changed)), Json(Content(afterFailure))); // the company written before the fault is back
        // The log tells the attempt: the company's change and its undo, each stored with its write (nothing of the refused
        // placement write, nothing unaudited).
        var attempt = afterFailure.AuditLog.Skip(changed.AuditLog.Count).ToList();
        Assert.Equal(["ersatt från säkerhetskopia finsam.zip", "återställd efter en avbruten ersättning"], attempt.Select(e => e.Reason));
        Assert.All(attempt, e => Assert.Equal($"{Owner}/company/{company.Id}", e.EntityId));

        var replaced = await client.PostAsync("/api/backup/restore?replace=true&fileName=finsam.zip", new ByteArrayContent(zip));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await ReadAsync(host);
        Assert.Equal(Json(Content(backup)), Json(Content(after)));
        Assert.Equal(3, after.AuditLog.Count - afterFailure.AuditLog.Count); // two records brought back, and the replace itself
        Assert.All(after.AuditLog.Skip(afterFailure.AuditLog.Count), e => Assert.Equal("ersatt från säkerhetskopia finsam.zip", e.Reason));
    }

    [Fact]
    public async Task A_replace_without_the_parameter_is_refused_as_before_and_with_it_an_unchanged_owner_needs_no_write()
    {
        using var host = new FaultyStorageHostFactory();
        await host.EnsureAdminAsync();
        var client = await host.TokenClientAsync(AsfHostFactory.AdminUser);
        var zip = await client.GetByteArrayAsync($"/api/owners/{Owner}/backup");

        var create = new HttpRequestMessage(HttpMethod.Post, "/api/backup/restore") { Content = new ByteArrayContent(zip) };
        create.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(create)).StatusCode);
        var replaced = await client.PostAsync("/api/backup/restore?replace=true", new ByteArrayContent(zip));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var result = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("replaced").GetBoolean());
        Assert.Equal(0, result.GetProperty("changes").GetInt32());
    }

    [Fact]
    public async Task On_the_admin_page_an_upload_replaces_an_owner_that_is_here_only_when_the_checkbox_is_ticked()
    {
        using var host = new FaultyStorageHostFactory();
        await host.EnsureAdminAsync();
        var browser = await host.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
        var zip = await (await browser.GetAsync($"/admin/sakerhetskopia?handler=Download&owner={Owner}")).Content.ReadAsByteArrayAsync();
        var backup = await BackupReader.ReadAsync(new MemoryStream(zip));
        var placement = backup.Placements[0];
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, placement.InsatsId))
            .RecordPlacement(new RecordPlacement(placement.Placement with { PlacesGranted = placement.Placement.PlacesGranted + 1 }));

        var unticked = await UploadAsync(browser, zip, replace: false);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("finns redan", await unticked.Content.ReadAsStringAsync());
        Assert.NotEqual(Json(Content(backup)), Json(Content(await ReadAsync(host))));

        var ticked = await UploadAsync(browser, zip, replace: true);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Contains($"Organisationen {Owner} har ersatts med innehållet i finsam.zip (1 ändring)", await browser.GetStringAsync("/admin/sakerhetskopia"));
        Assert.Equal(Json(Content(backup)), Json(Content(await ReadAsync(host))));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] zip, bool replace)
    {
        var page = await browser.GetStringAsync("/admin/sakerhetskopia");
        Assert.Contains("name=\"Ersatt\" type=\"checkbox\"", page);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "Fil", "finsam.zip" },
        };
        if (replace)
            form.Add(new StringContent("true"), "Ersatt");
        return await browser.PostAsync("/admin/sakerhetskopia?handler=Restore", form);
    }

    private static BackupDocument Content(BackupDocument d) => d with { Manifest = null!, AuditLog = [], DatasetLedger = [] };

    private static Task<BackupDocument> ReadAsync(AsfHostFactory host) =>
        new BackupWriter(host.Services.GetRequiredService<IGrainFactory>(), host.Services.GetRequiredService<IAuditArchive>()).ReadAsync(Owner);

    private static string Json(BackupDocument document) => JsonSerializer.Serialize(document with { Manifest = null! });
}
