using System.Net;
using System.Text.RegularExpressions;
using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>The change history page reads every kind of write the API makes as a Swedish sentence with names.</summary>
public sealed partial class AuditHistoryPageTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    public static TheoryData<string> Writes => new(WriteEndpoint.All.Concat(WriteEndpoint.Removals).Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_kind_of_write_reads_on_the_history_page_as_a_sentence_by_the_users_name_without_ids_or_json(string name)
    {
        await factory.EnsureAdminAsync();
        var admin = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var write = WriteEndpoint.ByName(name);
        var response = write.Method == HttpMethod.Delete
            ? await WriteEndpoint.RemoveAsync(admin, ((WriteEndpoint.Removal)await write.Body(admin)).Path,
                await WriteEndpoint.ETagAsync(admin, write.VersionedResource), WriteEndpoint.RemovalReason)
            : await write.SendAsync(admin, await WriteEndpoint.ETagAsync(admin, write.VersionedResource));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await factory.Services.GetRequiredService<IAuditLog>().ReadLatestAsync(1))[0];
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);

        var html = await browser.GetStringAsync($"/historik/{Uri.EscapeDataString(entry.EntityType)}/{entry.EntityId}");

        var history = VisibleText(html[html.IndexOf("<ol class=\"history\"", StringComparison.Ordinal)..]);
        var sentenceStart = html.IndexOf("<p class=\"history-sentence\"", StringComparison.Ordinal);
        var sentence = VisibleText(html[sentenceStart..html.IndexOf("</p>", sentenceStart, StringComparison.Ordinal)]);
        var first = sentence.Split("Ada Admin ", 2)[1];
        Assert.DoesNotContain("{", history);
        Assert.DoesNotContain("\\u", history);
        Assert.DoesNotContain(entry.EntityId, history);
        Assert.DoesNotContain("k2183-", history); // event ids
        Assert.DoesNotContain("finsam-gavleborg", history);
        // The fallback for an action without a sentence starts with the action's own words, not a verb.
        Assert.Matches("^(registrerade|ändrade|angav|tog bort|skrev in|flyttade|avslutade|lade)", first);
    }

    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
