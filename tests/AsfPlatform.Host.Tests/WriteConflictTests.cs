using System.Net;
using System.Net.Http.Json;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>If-Match on every write endpoint, bad input, and what the audit log keeps.</summary>
public sealed class WriteConflictTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    public static TheoryData<string> Endpoints => new(WriteEndpoint.All.Select(e => e.Name));

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private async Task<int> AuditCountAsync(HttpClient client, string type, string key) =>
        (await client.GetFromJsonAsync<List<object>>($"/api/audit/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(key)}"))!.Count;

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_stale_etag_is_refused_with_412_and_nothing_is_stored(string endpoint)
    {
        var write = WriteEndpoint.ByName(endpoint);
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);
        var stale = ETags.WithVersion(etag, ETags.Version(etag) - 1);
        var before = await admin.GetStringAsync(write.VersionedResource);

        var conflict = await write.SendAsync(admin, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Equal(etag, conflict.Headers.ETag!.Tag); // tells the client what is current
        Assert.Contains("ändrats av någon annan", (await WriteEndpoint.ProblemAsync(conflict)).GetProperty("detail").GetString());
        Assert.Equal(before, await admin.GetStringAsync(write.VersionedResource));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_write_without_If_Match_is_refused_with_428(string endpoint)
    {
        var write = WriteEndpoint.ByName(endpoint);
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);

        var missing = await write.SendAsync(admin, null);

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, write.VersionedResource));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_accepted_write_returns_the_new_etag_and_is_audited_with_before_and_after(string endpoint)
    {
        var write = WriteEndpoint.ByName(endpoint);
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);

        var accepted = await write.SendAsync(admin, etag);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(await WriteEndpoint.ETagAsync(admin, write.VersionedResource), accepted.Headers.ETag!.Tag);
        var audit = await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1);
        Assert.Equal(AsfHostFactory.AdminUser, audit[0].Actor);
        Assert.NotNull(audit[0].AfterJson);
    }

    [Fact]
    public async Task A_new_event_created_with_If_None_Match_gets_its_own_version_and_leaves_the_insats_version_alone()
    {
        var admin = await AdminAsync();
        var before = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);
        var id = WriteEndpoint.Unique("k2183");

        var created = await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(id, "Frukostmöte om ASF"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(1, ETags.Version(created.Headers.ETag!.Tag));
        Assert.Equal(created.Headers.ETag!.Tag, await WriteEndpoint.ETagAsync(admin, $"{WriteEndpoint.Insats}/events/{id}"));
        Assert.Equal(before, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
        var audit = await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1);
        Assert.Contains(id, audit[0].AfterJson);
    }

    [Fact]
    public async Task Creating_an_event_whose_id_exists_is_refused_with_412_and_nothing_is_stored()
    {
        var admin = await AdminAsync();
        var id = WriteEndpoint.Unique("k2183");
        Assert.Equal(HttpStatusCode.OK, (await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(id, "Första"))).StatusCode);
        var before = await admin.GetStringAsync(WriteEndpoint.Insats);

        var again = await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(id, "Andra"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Contains("finns redan", (await WriteEndpoint.ProblemAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(before, await admin.GetStringAsync(WriteEndpoint.Insats));
    }

    [Fact]
    public async Task An_event_etag_stays_valid_while_other_events_and_the_insats_change()
    {
        var admin = await AdminAsync();
        var id = WriteEndpoint.Unique("k2183");
        var created = await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(id, "Första"));
        await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(WriteEndpoint.Unique("k2183"), "Någon annans"));
        await WriteEndpoint.NarrativeMilestone.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));

        var updated = await WriteEndpoint.Event.SendAsync(admin, created.Headers.ETag!.Tag, WriteEndpoint.EventBody(id, "Ändrad"));
        var stale = await WriteEndpoint.Event.SendAsync(admin, created.Headers.ETag!.Tag, WriteEndpoint.EventBody(id, "För sent"));

        Assert.Equal((HttpStatusCode.OK, 2L), (updated.StatusCode, ETags.Version(updated.Headers.ETag!.Tag)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("Ändrad", await admin.GetStringAsync($"{WriteEndpoint.Insats}/events/{id}"));
    }

    [Fact]
    public async Task A_personal_identity_number_in_free_text_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);

        var response = await WriteEndpoint.Event.SendAsync(admin, etag,
            WriteEndpoint.EventBody(WriteEndpoint.Unique("k2183"), "Möte med 19800101-1231 om ASF"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await WriteEndpoint.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _), problem.ToString());
        Assert.DoesNotContain("19800101-1231", problem.ToString());
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
    }

    [Fact]
    public async Task Negative_figures_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company);

        var response = await WriteEndpoint.CompanyFigures.SendAsync(admin, etag, new
        {
            date = "2017-10-01", employedWomen = -1, employedMen = 3, participantsAf = 0, participantsMunicipality = 0, participantsOther = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(response)).GetProperty("errors").TryGetProperty("employedWomen", out _));
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company));
    }

    [Fact]
    public async Task A_partner_office_cannot_take_over_another_offices_event_id()
    {
        await factory.CreateUserAsync("bollnas-kontor", AccessRole.Partnerkontor, OrganisationRef.Municipality("2183"));
        var office = await factory.TokenClientAsync("bollnas-kontor");
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);

        var response = await WriteEndpoint.Event.SendAsync(office, etag, WriteEndpoint.EventBody("k2180-gavles-mote", "Övertagen"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
    }

    [Fact]
    public async Task Script_in_a_recorded_title_comes_back_escaped_on_the_dashboard()
    {
        var admin = await AdminAsync();
        var accepted = await WriteEndpoint.Event.CreateAsync(admin,
            WriteEndpoint.EventBody(WriteEndpoint.Unique("k2183"), "<script>alert('x')</script> Frukost"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var html = await browser.GetStringAsync("/insats/finsam-gavleborg/asf-2016-2020/2017");

        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.DoesNotContain("<script>alert(", html);
    }
}
