using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

public sealed class DomainApiTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Gavle = "/api/owners/finsam-gavleborg/municipalities/2180";

    private static object Milestone(string id, string title = "Riktlinjer för ASF antagna") =>
        new { id, kind = "GuidelinesAdopted", date = "2017-05-10", title, decidingBody = "Kommunstyrelsen" };

    private async Task<HttpClient> ClientAsync(string userName, AccessRole role, string? kommunkod = null)
    {
        if (await factory.Accounts.FindAsync(userName) is null)
            await factory.CreateUserAsync(userName, role, kommunkod is null ? null : OrganisationRef.Municipality(kommunkod));
        return await factory.TokenClientAsync(userName);
    }

    private static async Task<HttpResponseMessage> PutMilestoneAsync(HttpClient client, object milestone, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Gavle + "/milestones") { Content = JsonContent.Create(milestone) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Loaded_resources_carry_an_ETag_from_their_version()
    {
        var client = await ClientAsync("lasare", AccessRole.Läsare);

        var plan = await client.GetAsync("/api/owners/finsam-gavleborg/insatser/asf-2016-2020/plans/2017");
        var municipality = await client.GetAsync(Gavle);

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Matches("^\"[0-9a-f]{12}-v[0-9]+\"$", plan.Headers.ETag!.Tag);
        using var body = JsonDocument.Parse(await municipality.Content.ReadAsStringAsync());
        Assert.Equal(body.RootElement.GetProperty("version").GetInt64(), ETags.Version(municipality.Headers.ETag!.Tag));
        Assert.NotEqual(ETags.Resource(plan.Headers.ETag!.Tag), ETags.Resource(municipality.Headers.ETag!.Tag));
    }

    [Fact]
    public async Task An_update_without_If_Match_is_refused_with_428_and_a_stale_one_with_412_leaving_the_data_intact()
    {
        var admin = await ClientAsync("admin-api", AccessRole.Förbundsadmin);
        var before = await admin.GetAsync(Gavle);
        var etag = before.Headers.ETag!.Tag;
        var stale = ETags.WithVersion(etag, ETags.Version(etag) - 1);

        var missing = await PutMilestoneAsync(admin, Milestone("etag-test-1"), null);
        var conflict = await PutMilestoneAsync(admin, Milestone("etag-test-1"), stale);

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Contains("ändrats av någon annan", await conflict.Content.ReadAsStringAsync());
        var after = await admin.GetAsync(Gavle);
        Assert.Equal(etag, after.Headers.ETag!.Tag);
        Assert.DoesNotContain("etag-test-1", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_partner_office_records_a_milestone_for_its_own_municipality_and_it_is_audited()
    {
        var office = await ClientAsync("kontor-gavle", AccessRole.Partnerkontor, "2180");
        var etag = (await office.GetAsync(Gavle)).Headers.ETag!.Tag;

        var response = await PutMilestoneAsync(office, Milestone("riktlinjer-2017"), etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        var history = await factory.Services.GetRequiredService<IAuditLog>().ReadAsync("kommun", "finsam-gavleborg/k2180");
        var entry = Assert.Single(history, e => e.AfterJson!.Contains("riktlinjer-2017"));
        Assert.Equal("kontor-gavle", entry.Actor);
        Assert.DoesNotContain("riktlinjer-2017", entry.BeforeJson);
    }

    [Theory]
    [InlineData(AccessRole.Partnerkontor, "2181")]
    [InlineData(AccessRole.Styrelse, null)]
    [InlineData(AccessRole.Läsare, null)]
    public async Task Roles_without_rights_to_the_municipality_cannot_record_milestones(AccessRole role, string? kommunkod)
    {
        var client = await ClientAsync($"neka-{(int)role}", role, kommunkod);
        var etag = (await client.GetAsync(Gavle)).Headers.ETag!.Tag;

        var response = await PutMilestoneAsync(client, Milestone($"nekad-{(int)role}"), etag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain($"nekad-{(int)role}", await (await client.GetAsync(Gavle)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_personal_identity_number_in_free_text_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await ClientAsync("admin-pnr", AccessRole.Förbundsadmin);
        var etag = (await admin.GetAsync(Gavle)).Headers.ETag!.Tag;

        var response = await PutMilestoneAsync(admin, Milestone("pnr-test", "Möte med 19800101-1231 om riktlinjer"), etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("title", problem!.Errors.Keys); // named as the request names it
        Assert.Equal(etag, (await admin.GetAsync(Gavle)).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/owners/{owner}/municipalities/{kommunkod}/milestones", document);
        Assert.Contains("/api/users", document);
    }
}
