namespace AsfPlatform.Host.Pages.Agare;

/// <summary>The owner forms' validation fields (named as in the API) → input id and Swedish label.</summary>
internal static class OwnerFields
{
    public static readonly IReadOnlyDictionary<string, (string Id, string Label)> Map =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = ("id", "Id"), ["Input.Id"] = ("id", "Id"),
            ["name"] = ("namn", "Namn"), ["Input.Name"] = ("namn", "Namn"),
            ["kind"] = ("typ", "Typ av organisation"), ["Input.Kind"] = ("typ", "Typ av organisation"),
            ["organisationNumber"] = ("organisationsnummer", "Organisationsnummer"),
            ["Input.OrganisationNumber"] = ("organisationsnummer", "Organisationsnummer"),
            ["subregions"] = ("ny-delregion", "Delregioner"),
            ["subregion"] = ("kommun-delregion", "Delregion"),
            ["kommunkod"] = ("kommun", "Kommun"),
            ["partners"] = ("ny-part-namn", "Samverkansparter"),
        };
}
