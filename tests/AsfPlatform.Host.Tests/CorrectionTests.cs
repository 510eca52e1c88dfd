using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>Correcting and removing recorded facts over the API: a reason every time, the version read, the scope.</summary>
public sealed class CorrectionTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    public static TheoryData<string> Removals => new(WriteEndpoint.Removals.Select(e => e.Name));

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    private async Task<HttpClient> OfficeAsync(string kommunkod)
    {
        var user = $"rattelse-{kommunkod}";
        if (await factory.Accounts.FindAsync(user) is null)
            await factory.CreateUserAsync(user, AccessRole.Partnerkontor, OrganisationRef.Municipality(kommunkod));
        return await factory.TokenClientAsync(user);
    }

    private static string Id(WriteEndpoint.Removal removal) => Uri.UnescapeDataString(removal.Path.Split('/')[^1]);

    private static async Task<string?> ReadAsync(HttpClient client, string resource)
    {
        var response = await client.GetAsync(resource);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task Removing_with_a_reason_takes_the_fact_away_and_the_audit_keeps_the_fact_and_the_reason(string name)
    {
        var write = WriteEndpoint.ByName(name);
        var admin = await AdminAsync();
        var removal = (WriteEndpoint.Removal)await write.Body(admin);
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);

        var response = await WriteEndpoint.RemoveAsync(admin, removal.Path, etag, "  Dubbelregistrerad av misstag ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        var after = await ReadAsync(admin, write.VersionedResource);
        Assert.True(after is null || !after.Contains($"\"{Id(removal)}\""), after);
        var audit = (await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1))[0];
        Assert.Equal("Dubbelregistrerad av misstag", audit.Reason);
        Assert.Contains("borttag", audit.Action);
        Assert.Contains(Id(removal), audit.BeforeJson);
        Assert.Null(audit.AfterJson);
    }

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task Removing_without_a_reason_is_refused_with_400_naming_reason_and_nothing_changes(string name)
    {
        var write = WriteEndpoint.ByName(name);
        var admin = await AdminAsync();
        var removal = (WriteEndpoint.Removal)await write.Body(admin);
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);
        var before = await admin.GetStringAsync(write.VersionedResource);

        var response = await WriteEndpoint.RemoveAsync(admin, removal.Path, etag, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(response)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await admin.GetStringAsync(write.VersionedResource));
    }

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task Removing_with_a_stale_etag_is_refused_with_412_and_nothing_changes(string name)
    {
        var write = WriteEndpoint.ByName(name);
        var admin = await AdminAsync();
        var removal = (WriteEndpoint.Removal)await write.Body(admin);
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);
        var stale = ETags.WithVersion(etag, ETags.Version(etag) - 1);
        var before = await admin.GetStringAsync(write.VersionedResource);

        var response = await WriteEndpoint.RemoveAsync(admin, removal.Path, stale, WriteEndpoint.RemovalReason);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag!.Tag);
        Assert.Equal(before, await admin.GetStringAsync(write.VersionedResource));
    }

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task A_partner_office_of_another_municipality_cannot_remove_the_fact(string name)
    {
        var write = WriteEndpoint.ByName(name);
        var admin = await AdminAsync();
        var removal = (WriteEndpoint.Removal)await write.Body(admin);
        var etag = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);
        var before = await admin.GetStringAsync(write.VersionedResource);

        var response = await WriteEndpoint.RemoveAsync(await OfficeAsync("2180"), removal.Path, etag, WriteEndpoint.RemovalReason);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await admin.GetStringAsync(write.VersionedResource));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("Fel person: 19800101-1231")]
    public async Task A_reason_too_short_or_with_a_personal_identity_number_is_refused_and_never_echoed(string reason)
    {
        var admin = await AdminAsync();
        var removal = (WriteEndpoint.Removal)await WriteEndpoint.RemovePlacement.Body(admin);
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);

        var response = await WriteEndpoint.RemoveAsync(admin, removal.Path, etag, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await WriteEndpoint.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.DoesNotContain("19800101-1231", problem.ToString());
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));
    }

    // Each kind of fact: the indicator it feeds moves when it is recorded and back when it is removed.
    public static TheoryData<string> IndicatorKinds => new() { "aktivitet", "placering", "kommunens milstolpe", "milstolpe i berättelsen", "företagets siffror" };

    [Theory]
    [MemberData(nameof(IndicatorKinds))]
    public async Task A_removed_fact_leaves_the_plans_indicator_at_once(string kind)
    {
        var admin = await AdminAsync();
        var id = WriteEndpoint.Unique(kind == "aktivitet" ? "k2183" : "r");
        var (indicator, resource, path, record) = kind switch
        {
            "aktivitet" => ("informationsinsatser", $"{WriteEndpoint.Insats}/events/{id}", $"{WriteEndpoint.Insats}/events/{id}",
                (Func<Task<HttpResponseMessage>>)(() => WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(id, "Frukostmöte som tas bort")))),
            "placering" => ("platser-stodfinansierade", WriteEndpoint.Insats, $"{WriteEndpoint.Insats}/placements/{id}",
                async () => await WriteEndpoint.Placement.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats), WriteEndpoint.PlacementBody(id))),
            "kommunens milstolpe" => ("kommuner-stodstruktur", WriteEndpoint.Municipality, $"{WriteEndpoint.Municipality}/milestones/{id}",
                async () => await WriteEndpoint.MunicipalMilestone.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Municipality),
                    new { id, kind = "LeftSupportStructure", date = "2017-11-01", title = "Bollnäs lämnade stödstrukturen" })),
            "milstolpe i berättelsen" => ("lansrad", WriteEndpoint.Insats, $"{WriteEndpoint.Insats}/milestones/{id}",
                async () => await WriteEndpoint.NarrativeMilestone.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats),
                    new { id, year = 2017, date = "2017-10-20", text = "Länsrådet bildades.", tag = "lansrad" })),
            _ => ("anstallda-asf", WriteEndpoint.Company, $"{WriteEndpoint.Company}/figures/2017-12-31",
                async () => await WriteEndpoint.CompanyFigures.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company),
                    new { date = "2017-12-31", employedWomen = 400, employedMen = 300, participantsAf = 0, participantsMunicipality = 0, participantsOther = 0 })),
        };
        var before = await IndicatorAsync(admin, indicator);
        (await record()).EnsureSuccessStatusCode();
        var recorded = await IndicatorAsync(admin, indicator);
        Assert.NotEqual(before, recorded);

        var response = await WriteEndpoint.RemoveAsync(admin, path, await WriteEndpoint.ETagAsync(admin, resource), WriteEndpoint.RemovalReason);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await IndicatorAsync(admin, indicator));
    }

    private static async Task<string> IndicatorAsync(HttpClient client, string id)
    {
        var all = await client.GetFromJsonAsync<JsonElement>(WriteEndpoint.Plan + "/indicators");
        var indicator = all.EnumerateArray().Single(i => i.GetProperty("indicatorId").GetString() == id);
        return $"{indicator.GetProperty("value")} {indicator.GetProperty("status")}";
    }

    [Fact]
    public async Task Correcting_a_recorded_placement_needs_a_reason_and_the_audit_keeps_it()
    {
        var admin = await AdminAsync();
        var id = WriteEndpoint.Unique("p");
        (await WriteEndpoint.Placement.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats), WriteEndpoint.PlacementBody(id))).EnsureSuccessStatusCode();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats);

        var withoutReason = await WriteEndpoint.Placement.SendAsync(admin, etag, WriteEndpoint.PlacementBody(id, work: 2));
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.True((await WriteEndpoint.ProblemAsync(withoutReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Insats));

        using var request = new HttpRequestMessage(HttpMethod.Put, $"{WriteEndpoint.Insats}/placements?reason={Uri.EscapeDataString("Fel antal till arbete")}")
        {
            Content = JsonContent.Create(WriteEndpoint.PlacementBody(id, work: 2)),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var corrected = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var audit = (await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1))[0];
        Assert.Equal("Fel antal till arbete", audit.Reason);
        Assert.NotNull(audit.BeforeJson);
    }

    [Fact]
    public async Task A_partner_office_cannot_correct_or_remove_an_event_stored_under_another_municipality_whatever_the_body_says()
    {
        var admin = await AdminAsync();
        var office = await OfficeAsync("2183");
        // The association recorded Gävle's event under an id in Bollnäs' id space: the stored municipality decides.
        var id = WriteEndpoint.Unique("k2183");
        var created = await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(id, "Gävles frukostmöte", kommunkod: "2180"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var etag = created.Headers.ETag!.Tag;
        var resource = $"{WriteEndpoint.Insats}/events/{id}";

        var correction = await WriteEndpoint.Event.SendAsync(office, etag, WriteEndpoint.EventBody(id, "Övertagen av Bollnäs"));
        var removal = await WriteEndpoint.RemoveAsync(office, resource, etag, WriteEndpoint.RemovalReason);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (correction.StatusCode, removal.StatusCode));
        Assert.Contains("Gävles frukostmöte", await admin.GetStringAsync(resource));
        Assert.Equal(etag, await WriteEndpoint.ETagAsync(admin, resource));
    }

    [Fact]
    public async Task Every_removal_endpoint_is_in_the_openapi_document_with_its_reason()
    {
        var document = await (await AdminAsync()).GetStringAsync("/openapi/v1.json");

        foreach (var path in new[]
                 {
                     "/api/owners/{owner}/insatser/{insatsId}/events/{eventId}", "/api/owners/{owner}/municipalities/{kommunkod}/milestones/{milestoneId}",
                     "/api/owners/{owner}/insatser/{insatsId}/milestones/{milestoneId}", "/api/owners/{owner}/insatser/{insatsId}/placements/{placementId}",
                     "/api/owners/{owner}/companies/{companyId}/figures/{date}",
                 })
            Assert.Contains($"\"{path}\"", document);
        Assert.Contains("frågeparametern reason", document);
    }
}
