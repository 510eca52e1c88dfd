using System.Net;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// An ETag names its resource: one copied from another resource is refused with 412 on every write, even when its
/// version number is the right one, and nothing is stored or audited.
/// </summary>
public sealed class ForeignETagTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    public static TheoryData<string> Writes => new(WriteEndpoint.All.Concat(WriteEndpoint.Removals).Select(e => e.Name));

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_sent_with_another_resources_ETag_at_the_right_version_is_refused_and_nothing_is_stored(string name)
    {
        var write = WriteEndpoint.ByName(name);
        var admin = await AdminAsync();
        var body = await write.Body(admin);
        var own = await WriteEndpoint.ETagAsync(admin, write.VersionedResource);
        var other = write.VersionedResource == WriteEndpoint.Owner ? WriteEndpoint.Company : WriteEndpoint.Owner;
        var foreign = ETags.WithVersion(await WriteEndpoint.ETagAsync(admin, other), ETags.Version(own));
        var before = await admin.GetStringAsync(write.VersionedResource);
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        var auditBefore = (await audit.ReadLatestAsync(1)).Single().Sequence;

        var response = await write.SendAsync(admin, foreign, body);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var problem = await WriteEndpoint.ProblemAsync(response);
        Assert.Equal("Fel version", problem.GetProperty("title").GetString());
        Assert.Contains("en annan post", problem.GetProperty("detail").GetString());
        Assert.Equal(own, response.Headers.ETag!.Tag);
        Assert.Equal(before, await admin.GetStringAsync(write.VersionedResource));
        Assert.Equal(auditBefore, (await audit.ReadLatestAsync(1)).Single().Sequence);
    }

    [Fact]
    public async Task The_same_version_of_two_resources_has_two_different_ETags()
    {
        var admin = await AdminAsync();
        var company = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company);
        var owner = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Owner);

        Assert.NotEqual(ETags.Resource(company), ETags.Resource(owner));
        Assert.NotEqual(ETags.WithVersion(owner, 1), ETags.WithVersion(company, 1));
    }

    [Fact]
    public async Task An_ETag_in_the_old_bare_counter_form_is_refused_with_412()
    {
        var admin = await AdminAsync();
        var etag = await WriteEndpoint.ETagAsync(admin, WriteEndpoint.Company);
        var before = await admin.GetStringAsync(WriteEndpoint.Company);

        var response = await WriteEndpoint.CompanyRecord.SendAsync(admin, $"\"v{ETags.Version(etag)}\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(before, await admin.GetStringAsync(WriteEndpoint.Company));
    }
}
