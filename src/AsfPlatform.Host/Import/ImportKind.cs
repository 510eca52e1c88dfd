namespace AsfPlatform.Host.Import;

/// <summary>The three collections partner offices send as spreadsheets.</summary>
public enum ImportKind
{
    /// <summary>Company figures for a year ("foretagsuppgifter").</summary>
    CompanyFigures,
    /// <summary>Placements: granted, used, participants by sex, outcomes ("placeringar").</summary>
    Placements,
    /// <summary>Information events ("informationsinsatser").</summary>
    Events,
}

/// <summary>
/// The kinds' ids in addresses: the Swedish ids are the documented ones (they are what an office sees in the
/// address bar); the English ids are accepted as aliases for integrations.
/// </summary>
public static class ImportKinds
{
    /// <summary>Every kind with its Swedish id, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<(ImportKind Kind, string Id, string Title)> All =
    [
        (ImportKind.CompanyFigures, "foretagsuppgifter", "Företagens siffror för ett år"),
        (ImportKind.Placements, "placeringar", "Placeringar och utfall"),
        (ImportKind.Events, "informationsinsatser", "Informationsinsatser"),
    ];

    /// <summary>The kind of an id (Swedish or English, any case), or null.</summary>
    public static ImportKind? Parse(string? id) => id?.Trim().ToLowerInvariant() switch
    {
        "foretagsuppgifter" or "company-figures" => ImportKind.CompanyFigures,
        "placeringar" or "placements" => ImportKind.Placements,
        "informationsinsatser" or "events" => ImportKind.Events,
        _ => null,
    };

    /// <summary>The Swedish id of a kind.</summary>
    public static string Id(ImportKind kind) => All.First(k => k.Kind == kind).Id;

    /// <summary>The Swedish title of a kind.</summary>
    public static string Title(ImportKind kind) => All.First(k => k.Kind == kind).Title;

    /// <summary>The Swedish refusal of an unknown kind.</summary>
    public static string Unknown(string? id) =>
        $"Okänd importtyp \"{id}\". Välj {string.Join(", ", All.Select(k => k.Id))}.";
}
