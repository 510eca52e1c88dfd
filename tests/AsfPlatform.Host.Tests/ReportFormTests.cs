using System.Net;
using System.Text.RegularExpressions;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>The report page asks for what the plugin declares, as choices of what exists.</summary>
public sealed class ReportFormTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
    }

    private static IReadOnlyList<string> Options(string page, string selectId)
    {
        var select = Regex.Match(page, $"<select id=\"{selectId}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"No select #{selectId}");
        return Regex.Matches(select.Groups[1].Value, "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task The_lagesrapport_form_offers_owners_insatser_and_half_year_ends_instead_of_typed_ids()
    {
        var page = await (await AdminAsync()).GetStringAsync("/rapporter?Report=lagesrapport&Owner=finsam-gavleborg");

        Assert.Equal(["finsam-gavleborg", "region-gavleborg"], Options(page, "agare").Order());
        Assert.Equal(["asf-2016-2020"], Options(page, "insats"));
        var dates = Options(page, "per-datum-val");
        Assert.Contains("2016-12-31", dates);
        Assert.Contains("2017-06-30", dates);
        Assert.Contains("2020-12-31", dates);
        Assert.DoesNotContain("2016-06-30", dates); // before the insats began (2016-08-01)
        Assert.Contains(">30 juni 2017<", page);
        Assert.Contains("type=\"date\"", page);
        Assert.DoesNotContain("id=\"ar\"", page); // the lägesrapport declares no year
        Assert.DoesNotContain("id=\"kommun\"", page);
    }

    [Fact]
    public async Task The_kommunrapport_form_offers_plan_years_and_the_owners_municipalities_by_name()
    {
        var page = await (await AdminAsync()).GetStringAsync("/rapporter?Report=kommunrapport&Owner=finsam-gavleborg&Insats=asf-2016-2020");

        Assert.Contains("2017", Options(page, "ar"));
        Assert.Contains("2180", Options(page, "kommun"));
        Assert.Contains(">Gävle<", page);
        Assert.DoesNotContain("id=\"per-datum\"", page);
    }

    [Fact]
    public async Task A_lagesrapport_is_made_from_the_chosen_half_year_end()
    {
        var browser = await AdminAsync();

        var response = await AsfHostFactory.PostFormAsync(browser, "/rapporter?Report=lagesrapport", new()
        {
            ["Report"] = "lagesrapport", ["Owner"] = "finsam-gavleborg", ["Insats"] = "asf-2016-2020", ["AsOfChoice"] = "2017-06-30",
            ["Format"] = "docx",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_lagesrapport_without_a_date_names_the_date_field()
    {
        var browser = await AdminAsync();

        var response = await AsfHostFactory.PostFormAsync(browser, "/rapporter?Report=lagesrapport", new()
        {
            ["Report"] = "lagesrapport", ["Owner"] = "finsam-gavleborg", ["Insats"] = "asf-2016-2020", ["Format"] = "docx",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#per-datum-val\">per datum:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_partner_office_is_offered_only_the_kommunrapport_of_its_own_municipality()
    {
        await factory.EnsureAdminAsync();
        if (await factory.Accounts.FindAsync("kontor-gavle") is null)
            await factory.CreateUserAsync("kontor-gavle", AccessRole.Partnerkontor, OrganisationRef.Municipality("2180"));
        var browser = await factory.SignedInClientAsync("kontor-gavle", "Ett-Langt-Losenord-9");

        var page = await browser.GetStringAsync("/rapporter");

        Assert.Equal(["kommunrapport"], Options(page, "rapport"));
        Assert.Equal(["", "2180"], Options(page, "kommun"));
    }
}
