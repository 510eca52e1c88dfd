using System.Net;
using System.Text.Json;

namespace AsfPlatform.Host.Tests;

/// <summary>The dataset's owners as the owner API shows them: listed, with Gävleborg's subregions and partners.</summary>
public sealed class OwnerDatasetTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    [Fact]
    public async Task The_dataset_owners_are_listed_with_Gavleborgs_subregions_and_their_ten_municipalities_as_partners()
    {
        await factory.EnsureAdminAsync();
        var client = await factory.TokenClientAsync(AsfHostFactory.AdminUser);

        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/owners"));
        using var owner = JsonDocument.Parse(await client.GetStringAsync("/api/owners/finsam-gavleborg"));

        Assert.Equal(["Region Gävleborg", "Samordningsförbund Gävleborg"], all.RootElement.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal([("Halsingland", "Hälsingland"), ("Gastrikland", "Gästrikland")], owner.RootElement.GetProperty("subregions").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetString(), s.GetProperty("name").GetString())));
        var organisations = owner.RootElement.GetProperty("organisations").EnumerateArray().ToList();
        Assert.Equal(10, organisations.Count(o => o.GetProperty("kind").GetString() == "Kommun"));
        Assert.Contains(organisations, o => o.GetProperty("id").GetString() == "2183" && o.GetProperty("name").GetString() == "Bollnäs");
        var browser = await factory.SignedInClientAsync(AsfHostFactory.AdminUser, AsfHostFactory.AdminPassword);
        var page = await browser.GetStringAsync("/agare/finsam-gavleborg");
        Assert.Contains("value=\"Hälsingland\"", page);
        Assert.Contains("<td>Bollnäs</td>", page);
    }
}
