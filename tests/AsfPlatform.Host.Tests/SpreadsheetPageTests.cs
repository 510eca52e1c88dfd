using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AsfPlatform.Access;
using AsfPlatform.TestSupport;

namespace AsfPlatform.Host.Tests;

/// <summary>The import and export pages as an office uses them in the browser: template, upload, preview, confirm.</summary>
public sealed class SpreadsheetPageTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Page = "/import/finsam-gavleborg";

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task An_office_downloads_the_template_uploads_it_sees_the_preview_and_confirms_it_on_the_import_page()
    {
        await factory.CreateUserAsync("sida-bollnas", AccessRole.Partnerkontor, OrganisationRef.Municipality("2183"));
        var browser = await factory.SignedInClientAsync("sida-bollnas", "Ett-Langt-Losenord-9");
        var html = await browser.GetStringAsync(Page);
        Assert.Contains("Import från Excel", html);

        var template = await browser.GetAsync($"{Page}?handler=Mall&Kind=foretagsuppgifter&Year=2020");
        Assert.Equal(SpreadsheetImport.SpreadsheetFileType, template.Content.Headers.ContentType!.MediaType);
        var filled = SheetEditor.Set(await template.Content.ReadAsByteArrayAsync(), "Företagsuppgifter",
            ("D2", new DateOnly(2020, 6, 30)), ("E2", 2), ("F2", 3), ("G2", 0), ("H2", 1), ("I2", 0));

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" }, { new StringContent("foretagsuppgifter"), "Kind" },
            { new StringContent("2020"), "Year" },
        };
        var file = new ByteArrayContent(filled);
        file.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetImport.SpreadsheetFileType);
        form.Add(file, "Upload", "figurer-2020.xlsx");
        var preview = await browser.PostAsync($"{Page}?handler=Forhandsgranska", form);
        var shown = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Förhandsgranskning av figurer-2020.xlsx", shown);
        Assert.Contains("<td>ny</td>", shown);
        Assert.DoesNotContain((await factory.Services.GetRequiredService<AsfPlatform.Host.Domain.DomainReader>()
            .CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures, f => f.Date.Year == 2020);

        var token = Regex.Match(shown, "name=\"Token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var confirmed = await browser.PostAsync($"{Page}?handler=Genomfor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(shown), ["Token"] = token, ["Kind"] = "foretagsuppgifter",
        }));

        Assert.Contains("Importen från figurer-2020.xlsx är sparad", await confirmed.Content.ReadAsStringAsync());
        Assert.Contains((await factory.Services.GetRequiredService<AsfPlatform.Host.Domain.DomainReader>()
            .CompanyAsync("finsam-gavleborg", "asf-gladjeverket")).Figures, f => f.Date == new DateOnly(2020, 6, 30) && f.EmployedMen == 3);
    }

    [Fact]
    public async Task The_export_page_links_the_three_exports()
    {
        await factory.EnsureAdminAsync();
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var html = await browser.GetStringAsync("/export/finsam-gavleborg");

        Assert.Contains("/api/owners/finsam-gavleborg/export/asf-register", html);
        Assert.Contains("/api/owners/finsam-gavleborg/export/indikatorer", html);
        Assert.Contains("/api/owners/finsam-gavleborg/export/handelser", html);
    }
}
