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

        // The plan numbers every section itself, so the document keeps its numbers: 1.2 follows "1. Bakgrund", as in the plan.
        Assert.Contains("<legend>1.2 Dubbla affärsidéer</legend>", editor);
        Assert.Contains("<legend>1. Bakgrund</legend>", editor);
    }

    [Fact]
    public async Task The_plan_editor_records_the_boards_decision_date_and_refuses_one_after_the_plans_year()
    {
        var (admin, api, editor) = await NewPlanFromTemplateAsync(2019);

        var form = FormValues(await admin.GetStringAsync(editor));
        form["Input.DecidedOn"] = "2020-02-01";
        var refused = await AsfHostFactory.PostFormAsync(admin, editor, form);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, naming the field
        Assert.Contains("Beslutad av styrelsen", html);
        Assert.Contains("2020-02-01 ligger utanför", html);
        Assert.Contains("aria-invalid=\"true\"", Regex.Match(html, "<input id=\"beslutad\"[^>]*>").Value);
        var stored = await api.GetStringAsync("/api/owners/finsam-gavleborg/insatser/asf-2016-2020/plans/2019");
        Assert.Contains("\"decidedOn\":null", stored);

        form["Input.DecidedOn"] = "2018-12-10";
        Assert.Equal(HttpStatusCode.Redirect, (await AsfHostFactory.PostFormAsync(admin, editor, form)).StatusCode);

        Assert.Contains("\"decidedOn\":\"2018-12-10\"", await api.GetStringAsync("/api/owners/finsam-gavleborg/insatser/asf-2016-2020/plans/2019"));
        Assert.Contains("value=\"2018-12-10\"", await admin.GetStringAsync(editor));
    }

    /// <summary>Creates the year's plan from the template through the form; the admin's browser, an API client and the
    /// plan editor's path.</summary>
    private async Task<(HttpClient Admin, HttpClient Api, string Editor)> NewPlanFromTemplateAsync(int year)
    {
        var admin = await AdminBrowserAsync();
        var api = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var created = await AsfHostFactory.PostFormAsync(admin, "/insatser/finsam-gavleborg/asf-2016-2020/ny-handlingsplan",
            new() { ["Year"] = $"{year}", ["From"] = "Template" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (admin, api, $"/insats/finsam-gavleborg/asf-2016-2020/{year}/plan");
    }

    /// <summary>What a browser posts for a form: every named input, textarea, selected option and ticked box.</summary>
    private static Dictionary<string, string> FormValues(string html)
    {
        var values = new Dictionary<string, string>();
        var form = html[html.IndexOf("<form method=\"post\" class=\"form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        foreach (Match m in Regex.Matches(form, "<input (?<a>[^>]*)>"))
        {
            var a = m.Groups["a"].Value;
            var name = Regex.Match(a, "name=\"([^\"]+)\"").Groups[1].Value;
            if (name.Length == 0 || (a.Contains("type=\"checkbox\"") && !a.Contains("checked"))) continue;
            values[name] = System.Net.WebUtility.HtmlDecode(Regex.Match(a, "value=\"([^\"]*)\"").Groups[1].Value);
        }
        foreach (Match m in Regex.Matches(form, "<textarea [^>]*name=\"(?<n>[^\"]+)\"[^>]*>(?<v>[^<]*)</textarea>"))
            values[m.Groups["n"].Value] = System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value).TrimStart('\n').Replace("\r\n", "\n");
        foreach (Match m in Regex.Matches(form, "<select [^>]*name=\"(?<n>[^\"]+)\"[^>]*>(?<o>.*?)</select>", RegexOptions.Singleline))
        {
            var selected = Regex.Match(m.Groups["o"].Value, "<option value=\"([^\"]*)\" selected");
            values[m.Groups["n"].Value] = selected.Success ? selected.Groups[1].Value
                : Regex.Match(m.Groups["o"].Value, "<option value=\"([^\"]*)\"").Groups[1].Value;
        }
        return values;
    }

    [Fact]
    public async Task The_plan_editor_adds_edits_reorders_and_removes_activities_and_indicators_budget_lines_and_roles()
    {
        var (admin, api, editor) = await NewPlanFromTemplateAsync(2020);

        // First round: a goal, two activities, an indicator with a milestone, a budget line.
        var form = FormValues(await admin.GetStringAsync(editor));
        // The template has no goals, activities, indicators or budget yet: row 0 of each is the blank one for adding.
        form["Input.Goals[0].Id"] = "3.2.1";
        form["Input.Goals[0].Text"] = "ASF är kända hos förbundets parter.";
        form["Input.Budget[0].Title"] = "Processledare";
        form["Input.Budget[0].Amount"] = "400000";
        var first = await AsfHostFactory.PostFormAsync(admin, editor, form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        form = FormValues(await admin.GetStringAsync(editor));
        form["Input.Activities[0].Activity"] = "Frukostmöten";
        form["Input.Activities[0].GoalId"] = "3.2.1";
        form["Input.Activities[0].When"] = "Våren 2020";
        var second = await AsfHostFactory.PostFormAsync(admin, editor, form);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        form = FormValues(await admin.GetStringAsync(editor));
        form["Input.Activities[1].Activity"] = "Mässa";
        form["Input.Activities[1].GoalId"] = "3.2.1";
        form["Input.Activities[1].Order"] = "0"; // before the breakfast meetings
        form["Input.Activities[0].How"] = "Bjuda in politiker";
        form["Input.Indicators[0].Title"] = "Aktiva ASF i länet";
        form["Input.Indicators[0].Kind"] = "StockAtDate";
        form["Input.Indicators[0].Metric"] = "RegisteredCompanies";
        form["Input.Indicators[0].BaselineDate"] = "2020-01-01";
        form["Input.Indicators[0].TargetValue"] = "35";
        form["Input.Indicators[0].TargetDate"] = "2020-12-31";
        form["Input.Indicators[0].PeriodStart"] = "";
        form["Input.Indicators[0].Milestones"] = "2020-06-30: 32";
        form["Input.Budget[0].Remove"] = "true";
        var third = await AsfHostFactory.PostFormAsync(admin, editor, form);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);

        var content = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync(WriteEndpoint.Insats + "/plans/2020"))!["content"]!;
        Assert.Equal(["Mässa", "Frukostmöten"], content["activities"]!.AsArray().Select(a => a!["activity"]!.GetValue<string>()));
        Assert.Equal("Bjuda in politiker", content["activities"]![1]!["how"]!.GetValue<string>());
        var indicator = content["indicators"]!.AsArray().Single()!;
        Assert.Equal(("StockAtDate", "RegisteredCompanies", 35m, "2020-06-30"),
            (indicator["kind"]!.GetValue<string>(), indicator["source"]!["metric"]!.GetValue<string>(), indicator["targetValue"]!.GetValue<decimal>(),
             indicator["milestones"]![0]!["date"]!.GetValue<string>()));
        Assert.Empty(content["budget"]!.AsArray());
        Assert.NotEmpty(content["organisation"]!.AsArray());

        // Removing the first activity and the indicator.
        form = FormValues(await admin.GetStringAsync(editor));
        form["Input.Activities[0].Remove"] = "true";
        form["Input.Indicators[0].Remove"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await AsfHostFactory.PostFormAsync(admin, editor, form)).StatusCode);
        content = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync(WriteEndpoint.Insats + "/plans/2020"))!["content"]!;
        Assert.Equal(["Frukostmöten"], content["activities"]!.AsArray().Select(a => a!["activity"]!.GetValue<string>()));
        Assert.Empty(content["indicators"]!.AsArray());
    }

    [Fact]
    public async Task A_milestone_line_that_cannot_be_read_is_named_next_to_its_field_and_nothing_is_stored()
    {
        var admin = await AdminBrowserAsync();
        const string editor = "/insats/finsam-gavleborg/asf-2016-2020/2017/plan";
        var form = FormValues(await admin.GetStringAsync(editor));
        form["Input.Indicators[0].Milestones"] = "snart: många";

        var response = await AsfHostFactory.PostFormAsync(admin, editor, form);

        Assert.Contains("href=\"#indikatorer-0-delmal\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_insats_pages_are_for_the_association_only()
    {
        var office = await OfficeBrowserAsync("kontor-hudik", "2184");

        var response = await office.GetAsync("/insatser/finsam-gavleborg");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
