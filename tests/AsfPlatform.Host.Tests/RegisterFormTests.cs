using System.Net;
using System.Text.RegularExpressions;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>The register's pages: ASF-register, Ny insats / Insats, Ny handlingsplan.</summary>
public sealed class RegisterFormTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private async Task<HttpClient> AdminBrowserAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
    }

    private async Task<HttpClient> OfficeBrowserAsync(string userName, string kommunkod)
    {
        if (await factory.Accounts.FindAsync(userName) is null)
            await factory.CreateUserAsync(userName, AccessRole.Partnerkontor, OrganisationRef.Municipality(kommunkod));
        return await factory.SignedInClientAsync(userName, "Ett-Langt-Losenord-9");
    }

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;

    private static Dictionary<string, string> CompanyFields(string name, string kommunkod, string organisationNumber = "") => new()
    {
        ["Input.Name"] = name, ["Input.OrganisationNumber"] = organisationNumber, ["Input.LegalForm"] = "EkonomiskForening",
        ["Input.Kommunkod"] = kommunkod, ["Input.IntegrationAim"] = "true", ["Input.RegisteredFrom"] = "2016-01-01",
    };

    [Fact]
    public async Task A_partner_office_registers_a_company_in_its_own_municipality_and_it_is_listed_in_the_register()
    {
        var office = await OfficeBrowserAsync("kontor-bollnas", "2183");
        var form = await office.GetStringAsync("/asf-register/finsam-gavleborg");
        Assert.Contains("value=\"2183\"", form);
        Assert.DoesNotContain("value=\"2180\"", form); // only its own municipality is offered

        var response = await AsfHostFactory.PostFormAsync(office, "/asf-register/finsam-gavleborg", CompanyFields("Bollnäs Bageri", "2183"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/asf-register/finsam-gavleborg/asf-bollnas-bageri", response.Headers.Location!.OriginalString);
        Assert.Contains("Bollnäs Bageri", await office.GetStringAsync("/insats/finsam-gavleborg/foretag"));
        var other = await AsfHostFactory.PostFormAsync(office, "/asf-register/finsam-gavleborg", CompanyFields("Gävle Gäss", "2180"));
        Assert.Contains("Din roll får inte ändra uppgifter för kommun 2180", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_organisation_number_is_named_next_to_its_field_and_a_company_is_closed_from_its_page()
    {
        var admin = await AdminBrowserAsync();

        var bad = await AsfHostFactory.PostFormAsync(admin, "/asf-register/finsam-gavleborg", CompanyFields("Fel AB", "2184", "769600-1235"));
        var good = await AsfHostFactory.PostFormAsync(admin, "/asf-register/finsam-gavleborg", CompanyFields("Hudik Cykel", "2184", "769600-1234"));
        var page = good.Headers.Location!.OriginalString;
        var version = VersionOf(await admin.GetStringAsync(page));
        var closed = await AsfHostFactory.PostFormAsync(admin, page + "?handler=Close", new() { ["Version"] = version, ["Input.CloseDate"] = "2019-12-31" });

        Assert.Contains("href=\"#organisationsnummer\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Avslutat 2019-12-31", await admin.GetStringAsync("/insats/finsam-gavleborg/foretag"));
    }

    [Fact]
    public async Task An_insats_is_created_closed_and_shown_as_avslutad_and_a_plan_is_started_from_the_template()
    {
        var admin = await AdminBrowserAsync();

        var created = await AsfHostFactory.PostFormAsync(admin, "/insatser/finsam-gavleborg", new()
        {
            ["Input.Title"] = "ASF i skolan", ["Input.PeriodStart"] = "2021-01-01", ["Input.PeriodEnd"] = "2022-12-31",
            ["Input.TargetGroups"] = "Elever\nLärare", ["Input.ProcessLeader"] = "Processledare",
        });
        Assert.Equal("/insatser/finsam-gavleborg/asf-i-skolan", created.Headers.Location!.OriginalString);
        var plan = await AsfHostFactory.PostFormAsync(admin, "/insatser/finsam-gavleborg/asf-i-skolan/ny-handlingsplan",
            new() { ["Year"] = "2021", ["From"] = "Template" });
        var outside = await AsfHostFactory.PostFormAsync(admin, "/insatser/finsam-gavleborg/asf-i-skolan/ny-handlingsplan",
            new() { ["Year"] = "2030", ["From"] = "Empty" });
        var version = VersionOf(await admin.GetStringAsync("/insatser/finsam-gavleborg/asf-i-skolan"));
        var closed = await AsfHostFactory.PostFormAsync(admin, "/insatser/finsam-gavleborg/asf-i-skolan?handler=Close",
            new() { ["Version"] = version, ["Input.CloseDate"] = "2022-06-30" });

        Assert.Equal("/insats/finsam-gavleborg/asf-i-skolan/2021/plan", plan.Headers.Location!.OriginalString);
        var editor = await admin.GetStringAsync("/insats/finsam-gavleborg/asf-i-skolan/2021/plan");
        Assert.Contains("3.2 Processmål", editor);
        Assert.Contains("href=\"#ar\"", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await admin.GetStringAsync("/insatser/finsam-gavleborg/asf-i-skolan");
        Assert.Contains("<strong>Avslutad</strong> per 2022-06-30", page);
        Assert.Contains("Lärare", page); // one target group a line
    }

    [Fact]
    public async Task The_plan_editor_numbers_sections_as_the_document_does()
    {
        var admin = await AdminBrowserAsync();

        var editor = await admin.GetStringAsync("/insats/finsam-gavleborg/asf-2016-2020/2017/plan");

        // Stored as "1.2", the document's second heading under "1. Bakgrund" is 1.1.
        Assert.Contains(">1.1 Dubbla affärsidéer</label>", editor);
        Assert.Contains(">1. Bakgrund</label>", editor);
    }

    [Fact]
    public async Task The_insats_pages_are_for_the_association_only()
    {
        var office = await OfficeBrowserAsync("kontor-hudik", "2184");

        var response = await office.GetAsync("/insatser/finsam-gavleborg");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
