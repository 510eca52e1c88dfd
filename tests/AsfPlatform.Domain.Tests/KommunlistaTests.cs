using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Domain.Tests;

/// <summary>The embedded list of Sweden's municipalities (docs/data/kommuner.md).</summary>
public class KommunlistaTests
{
    [Fact]
    public void The_list_holds_Swedens_290_municipalities_with_unique_four_digit_codes()
    {
        Assert.Equal(290, Kommunkod.All.Count);
        Assert.Equal(290, Kommunkod.All.Select(m => m.Kommunkod).Distinct().Count());
        Assert.All(Kommunkod.All, m =>
        {
            Assert.Matches("^[0-9]{4}$", m.Kommunkod);
            Assert.StartsWith(m.CountyCode, m.Kommunkod);
            Assert.False(string.IsNullOrWhiteSpace(m.Name));
            Assert.EndsWith(" län", m.CountyName);
        });
    }

    [Fact]
    public void Every_one_of_the_21_counties_is_present_with_SCBs_number_of_municipalities()
    {
        var expected = new Dictionary<string, int>
        {
            ["01"] = 26, ["03"] = 8, ["04"] = 9, ["05"] = 13, ["06"] = 13, ["07"] = 8, ["08"] = 12, ["09"] = 1, ["10"] = 5,
            ["12"] = 33, ["13"] = 6, ["14"] = 49, ["17"] = 16, ["18"] = 12, ["19"] = 10, ["20"] = 15, ["21"] = 10,
            ["22"] = 7, ["23"] = 8, ["24"] = 15, ["25"] = 14,
        };

        var counties = Kommunkod.All.GroupBy(m => m.CountyCode).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.OrderBy(kv => kv.Key), counties.OrderBy(kv => kv.Key));
        Assert.All(Kommunkod.All.GroupBy(m => m.CountyCode), g => Assert.Single(g.Select(m => m.CountyName).Distinct()));
    }

    [Fact]
    public void Gavleborgs_ten_municipalities_are_in_the_list_as_in_the_reference_table()
    {
        var gavleborg = Kommunkod.All.Where(m => m.CountyCode == "21").ToList();

        Assert.Equal(Kommunkod.Gavleborg.Select(m => (m.Kommunkod, m.Name)), gavleborg.Select(m => (m.Kommunkod, m.Name)));
        Assert.All(gavleborg, m => Assert.Equal("Gävleborgs län", m.CountyName));
    }

    [Theory]
    [InlineData("0180", "Stockholm")]
    [InlineData("0980", "Gotland")]
    [InlineData("1480", "Göteborg")]
    [InlineData("2584", "Kiruna")]
    public void A_code_of_the_list_is_valid_and_has_its_name(string code, string name)
    {
        Assert.True(Kommunkod.IsValid(code));
        Assert.Equal(name, Kommunkod.NameOf(code));
    }

    [Theory]
    [InlineData("2185")]  // the right county, but no such municipality
    [InlineData("0100")]
    [InlineData("9999")]
    public void A_well_formed_code_that_names_no_municipality_is_refused(string code)
    {
        Assert.False(Kommunkod.IsValid(code));
        var error = Assert.Single(new Validator().Kommunkod("kommunkod", code).Errors);
        Assert.Equal("kommunkod", error.Field);
    }

    [Theory]
    [InlineData("Samordningsförbundet Östra Södertörn", "samordningsforbundet-ostra-sodertorn")]
    [InlineData("  Finsam i Gävleborg  ", "finsam-i-gavleborg")]
    [InlineData("Region Jämtland Härjedalen!", "region-jamtland-harjedalen")]
    public void An_owner_id_is_derived_from_its_name(string name, string id) => Assert.Equal(id, OwnerRules.IdFrom(name));

    [Fact]
    public void An_owner_profile_names_a_bad_organisation_number_and_a_duplicate_subregion()
    {
        var profile = new OwnerProfile("Finsam X", OwnerKind.Samordningsforbund, "202100-5488",
            [new("Norr", "Norra delen"), new("Norr", "Norr igen")], [new(PartnerKind.Kommun, "k", "Kommunen")]);

        var fields = OwnerRules.Profile(profile).Errors.Select(e => e.Field).ToList();

        Assert.Contains("organisationNumber", fields);
        Assert.Contains("subregions", fields);
        Assert.Contains("partners[0].kind", fields);
        Assert.Empty(OwnerRules.Profile(profile with { OrganisationNumber = "202100-5489", Subregions = [new("Norr", "Norra delen")], Partners = [] }).Errors);
    }
}
