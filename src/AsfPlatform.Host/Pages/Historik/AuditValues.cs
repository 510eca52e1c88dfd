using System.Globalization;
using System.Text.Json;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Host.Pages.Historik;

/// <summary>
/// Swedish labels of the fields the audit log stores (its JSON names are the records' camelCase names) and their
/// values in words: officials read "anställda kvinnor: 4", never <c>"employedWomen": 4</c>.
/// </summary>
public static class AuditValues
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    // Keyed by the last segment of the field's path; nested objects prefix their own label ("publik: politiker").
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        // company and its figures
        ["name"] = "namn", ["organisationNumber"] = "organisationsnummer", ["legalForm"] = "företagsform",
        ["kommunkod"] = "kommun", ["sector"] = "bransch", ["criteria"] = "kriterier", ["integrationAim"] = "syftar till arbetsintegrering",
        ["participation"] = "delaktighet", ["profitsReinvested"] = "vinsten återinvesteras", ["independent"] = "fristående",
        ["registeredFrom"] = "registrerat från", ["registeredTo"] = "registrerat till", ["note"] = "anteckning",
        ["date"] = "datum", ["employedWomen"] = "anställda kvinnor", ["employedMen"] = "anställda män",
        ["employedTotal"] = "anställda totalt", ["participantsAf"] = "deltagare via Arbetsförmedlingen",
        ["participantsMunicipality"] = "deltagare via kommunen", ["participantsOther"] = "deltagare via andra",
        // insats
        ["title"] = "titel", ["periodStart"] = "periodens början", ["periodEnd"] = "periodens slut",
        ["targetGroups"] = "målgrupper", ["partners"] = "samverkansparter", ["overarchingGoals"] = "övergripande mål",
        ["description"] = "beskrivning", ["processOwner"] = "processägare", ["processLeader"] = "processledare",
        ["closedOn"] = "avslutad",
        // events, milestones, placements
        ["aktivitet"] = "aktivitet", ["type"] = "typ", ["organisers"] = "arrangörer", ["audience"] = "publik",
        ["politicians"] = "politiker", ["employees"] = "medarbetare", ["organisations"] = "organisationer",
        ["others"] = "övriga", ["processGoalId"] = "processmål", ["kind"] = "slag", ["decidingBody"] = "beslutande organ",
        ["year"] = "år", ["text"] = "text", ["tag"] = "märkning", ["placesGranted"] = "beviljade platser",
        ["targetGroup"] = "målgrupp", ["dailyRate"] = "dygnsersättning", ["use"] = "nyttjande", ["placesUsed"] = "nyttjade platser",
        ["participants"] = "deltagare", ["participantsWomen"] = "deltagare kvinnor", ["participantsMen"] = "deltagare män",
        ["days"] = "placeringsdagar", ["outcomes"] = "utfall", ["work"] = "arbete", ["studies"] = "studier", ["af"] = "Arbetsförmedlingen",
        ["backToPublicSupport"] = "åter i offentlig försörjning", ["continued"] = "förlängd insats",
        // owners and municipalities
        ["subregions"] = "delregioner", ["subregion"] = "delregion",
        // plans
        ["sections"] = "avsnitt", ["goals"] = "mål", ["activities"] = "aktiviteter", ["indicators"] = "indikatorer",
        // accounts and tokens
        ["userName"] = "användarnamn", ["displayName"] = "namn", ["role"] = "roll", ["organisation"] = "organisation",
        ["disabled"] = "avstängd", ["owner"] = "ägare", ["mustChangePassword"] = "måste byta lösenord",
        ["expiresAt"] = "giltig till", ["revokedAt"] = "återkallad", ["createdAt"] = "skapad", ["scope"] = "behörighet",
    };

    /// <summary>The Swedish label of a field path ("audience.employees" → "publik: medarbetare"; list indexes dropped).</summary>
    public static string Label(string path)
    {
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('[')[0])
            .Where(p => p.Length > 0 && p != "aktivitet") // the event wrapper says nothing the sentence does not
            .Select(p => Labels.TryGetValue(p, out var label) ? label : Words(p));
        return string.Join(": ", parts);
    }

    /// <summary>A stored value in words: Ja/Nej, municipality and enum names in Swedish, numbers the Swedish way, "–" for none.</summary>
    public static string Format(string path, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return "–";
        var field = path.Split('.')[^1].Split('[')[0];
        return v.ValueKind switch
        {
            JsonValueKind.True => "Ja",
            JsonValueKind.False => "Nej",
            JsonValueKind.Number => v.GetDecimal().ToString("#,0.##", Swedish),
            JsonValueKind.Array => v.GetArrayLength() == 0 ? "–" : string.Join(", ", v.EnumerateArray().Select(e => Format(path, e))),
            JsonValueKind.Object => string.Join(", ", v.EnumerateObject().Select(p => $"{Label(p.Name)} {Format(p.Name, p.Value)}")),
            _ => Text(field, v.GetString() ?? ""),
        };
    }

    private static string Text(string field, string text) => field switch
    {
        "kommunkod" => Kommunkod.NameOf(text) ?? text,
        "type" when Enum.TryParse<EventType>(text, out var t) => SwedishNames.Of(t),
        "legalForm" when Enum.TryParse<LegalForm>(text, out var f) => SwedishNames.Of(f),
        "kind" when Enum.TryParse<MunicipalMilestoneKind>(text, out var k) => SwedishNames.Of(k),
        "kind" when Enum.TryParse<OwnerKind>(text, out var o) => SwedishNames.Of(o),
        _ when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && text.Contains('T') =>
            at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", Swedish),
        _ => text,
    };

    // An unlisted camelCase name still reads as words ("someField" → "some field"), never as code.
    private static string Words(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
