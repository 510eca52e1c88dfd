using AsfPlatform.Access;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Host.Pages;

/// <summary>An account's organisation as people call it: "Bollnäs", not "Kommun 2183".</summary>
public static class OrganisationNames
{
    /// <summary>The organisation's name, or "–" for none.</summary>
    public static string Of(OrganisationRef? organisation) => organisation switch
    {
        null => "–",
        { Kind: OrganisationKind.Kommun } o => Kommunkod.NameOf(o.Id) is { } name ? $"{name} kommun" : $"Kommun {o.Id}",
        { Kind: OrganisationKind.AF } => "Arbetsförmedlingen",
        { Kind: OrganisationKind.FK } => "Försäkringskassan",
        { Kind: OrganisationKind.Region } => "Regionen",
        _ => "Samordningsförbundet",
    };
}
