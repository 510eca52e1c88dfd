using AsfPlatform.Domain.Model;

namespace AsfPlatform.Host.Api.Json;

/// <summary>
/// The domain's validation rules name fields in Swedish (<c>anstalldaKvinnor</c>, <c>publik.medarbetare</c>), which
/// the pages map to their labels; the API answers with the property path of the request instead
/// (<c>employedWomen</c>, <c>audience.employees</c>), so one vocabulary holds for every error an API client sees.
/// Translated segment by segment; a key already in the API's words passes unchanged.
/// </summary>
internal static class ApiFieldNames
{
    private static readonly Dictionary<string, string> Segments = new(StringComparer.Ordinal)
    {
        ["namn"] = "name", ["typ"] = "kind", ["datum"] = "date", ["titel"] = "title", ["beslutandeOrgan"] = "decidingBody", ["beslutad"] = "decidedOn",
        ["anteckning"] = "note", ["organisationsnummer"] = "organisationNumber", ["foretagsform"] = "legalForm",
        ["bransch"] = "sector", ["registreradFran"] = "registeredFrom", ["registreradTill"] = "registeredTo",
        ["anstalldaKvinnor"] = "employedWomen", ["anstalldaMan"] = "employedMen", ["anstalldaTotalt"] = "employedTotal",
        ["deltagareAf"] = "participantsAf", ["deltagareKommun"] = "participantsMunicipality", ["deltagareOvriga"] = "participantsOther",
        ["periodSlut"] = "periodEnd", ["malgrupper"] = "targetGroups", ["samverkansparter"] = "partners",
        ["overgripandeMal"] = "overarchingGoals", ["beskrivning"] = "description", ["processagare"] = "processOwner",
        ["processledare"] = "processLeader", ["avslutad"] = "closedOn", ["etikett"] = "tag", ["ar"] = "year",
        ["arrangorer"] = "organisers", ["processmal"] = "goalId", ["publik"] = "audience", ["politiker"] = "politicians",
        ["medarbetare"] = "employees", ["organisationer"] = "organisations", ["ovriga"] = "others", ["malgrupp"] = "targetGroup",
        ["beviljadePlatser"] = "placesGranted", ["dagersattning"] = "dailyRate", ["nyttjande"] = "use",
        ["nyttjadePlatser"] = "placesUsed", ["deltagare"] = "participants", ["kvinnor"] = "participantsWomen",
        ["man"] = "participantsMen", ["dagar"] = "days", ["utfall"] = "outcomes", ["arbete"] = "work", ["studier"] = "studies",
        ["ater"] = "backToPublicSupport", ["fortsatt"] = "continued", ["avsnitt"] = "sections", ["nummer"] = "number",
        ["rubrik"] = "title", ["aktiviteter"] = "activities", ["aktivitet"] = "activity", ["hur"] = "how",
        ["ansvarig"] = "responsible", ["nar"] = "when", ["indikatorer"] = "indicators", ["belopp"] = "amount", ["roll"] = "role",
        ["riktning"] = "direction", ["kalla"] = "source", ["namnare"] = "denominator", ["malbild"] = "targetText",
        ["enhet"] = "unit", ["utgangslage"] = "baselineValue", ["utgangslageDatum"] = "baselineDate", ["malDatum"] = "targetDate",
        ["omfattning"] = "scope", ["kod"] = "code",
        ["uppdrag"] = "assignment", ["bakgrund"] = "background", ["individinsatser"] = "individualTrack", ["lardomar"] = "lessons",
        ["strukturSammanfattning"] = "structuralSummary", ["analys"] = "analysis", ["slutsatser"] = "conclusions",
    };

    /// <summary>The request's property path for a domain field key, read against the endpoint's body type.</summary>
    public static string Translate(string key, Type? body)
    {
        var parts = key.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var bracket = parts[i].IndexOf('[');
            var name = bracket < 0 ? parts[i] : parts[i][..bracket];
            var translated = name switch
            {
                // The same Swedish word names different properties depending on where it stands.
                "typ" when i == 0 && body == typeof(InformationEvent) => "type",
                "processmal" when i == 0 && body == typeof(InformationEvent) => "processGoalId",
                "processmal" when i == 0 && body == typeof(global::AsfPlatform.Domain.Plans.PlanContent) => "goals",
                "avslutad" when body == typeof(CloseRequest) => "date",
                "ar" when i == 0 && body == typeof(InsatsNarrative) => "years",
                "kommunkod" or "id" or "text" or "af" or "budget" or "organisation" or "periodStart" => name,
                _ => Segments.GetValueOrDefault(name, name),
            };
            parts[i] = bracket < 0 ? translated : translated + parts[i][bracket..];
        }
        return string.Join('.', parts);
    }
}
