using System.Globalization;
using System.Text;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Validation;

/// <summary>
/// The rules of an owner's profile. Fields are named as the REST API's JSON names them ("organisationNumber",
/// "subregions[1].name"), since the API and the owner pages are where these values are typed.
/// </summary>
public static class OwnerRules
{
    public static Validator Profile(OwnerProfile p)
    {
        var v = new Validator()
            .Text("name", p.Name, required: true).Enum("kind", p.Kind).OrganisationNumber("organisationNumber", p.OrganisationNumber);
        var subregions = p.Subregions ?? [];
        for (var i = 0; i < subregions.Count; i++)
            v.SubregionId($"subregions[{i}].id", subregions[i].Id).Text($"subregions[{i}].name", subregions[i].Name, required: true);
        foreach (var dup in subregions.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            v.Add("subregions", $"Delregionen '{dup.Key}' förekommer flera gånger.");
        var partners = p.Partners ?? [];
        for (var i = 0; i < partners.Count; i++)
        {
            v.Id($"partners[{i}].id", partners[i].Id).Enum($"partners[{i}].kind", partners[i].Kind)
                .Text($"partners[{i}].name", partners[i].Name, required: true)
                .Require(partners[i].Kind != PartnerKind.Kommun, $"partners[{i}].kind",
                    "Kommuner läggs till från kommunlistan (PUT /api/owners/{owner}/municipalities/{kommunkod}).");
        }
        foreach (var dup in partners.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            v.Add("partners", $"Samverkansparten '{dup.Key}' förekommer flera gånger.");
        return v;
    }

    /// <summary>
    /// An id from a name: "Samordningsförbundet Östra Södertörn" → "samordningsforbundet-ostra-sodertorn". Accents
    /// are dropped, everything else but letters and digits becomes one '-'.
    /// </summary>
    public static string IdFrom(string? name)
    {
        var text = (name ?? "").Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var id = new StringBuilder();
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) id.Append(c);
            else if (id.Length > 0 && id[^1] != '-') id.Append('-');
        }
        var result = id.ToString().Trim('-');
        return result.Length > 64 ? result[..64].TrimEnd('-') : result;
    }
}
