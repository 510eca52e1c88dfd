using System.Text.RegularExpressions;

namespace AsfPlatform.Access;

/// <summary>The kinds of organisation a partner office can belong to.</summary>
public enum OrganisationKind
{
    /// <summary>A municipality, identified by its four-digit kommunkod (e.g. 2180 for Gävle).</summary>
    Kommun,
    /// <summary>Arbetsförmedlingen.</summary>
    AF,
    /// <summary>Försäkringskassan.</summary>
    FK,
    /// <summary>The region.</summary>
    Region,
    /// <summary>The coordination association itself.</summary>
    Förbund,
}

/// <summary>
/// The organisation a partner office acts for. <see cref="Id"/> is the kommunkod for municipalities and
/// empty for the single-instance organisations (AF, FK, Region, Förbund).
/// </summary>
public sealed partial record OrganisationRef(OrganisationKind Kind, string Id)
{
    /// <summary>A municipality by kommunkod.</summary>
    public static OrganisationRef Municipality(string kommunkod) => new(OrganisationKind.Kommun, kommunkod);

    /// <summary>Readable Swedish form, e.g. "Kommun 2180" or "AF".</summary>
    public override string ToString() => Kind == OrganisationKind.Kommun ? $"Kommun {Id}" : Kind.ToString();

    /// <summary>Whether this organisation is the municipality with the given kommunkod.</summary>
    public bool IsMunicipality(string kommunkod) =>
        Kind == OrganisationKind.Kommun && string.Equals(Id, kommunkod.Trim(), StringComparison.Ordinal);

    /// <summary>
    /// Parses form or CLI input: "kommun:2180", "2180", "AF", "FK", "Region", "Förbund". Returns the Swedish reason
    /// on failure.
    /// </summary>
    public static bool TryParse(string? text, out OrganisationRef? organisation, out string? error)
    {
        organisation = null;
        error = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            error = "Ange organisation (kommunkod med fyra siffror, AF, FK, Region eller Förbund).";
            return false;
        }
        if (value.StartsWith("kommun:", StringComparison.OrdinalIgnoreCase))
            value = value["kommun:".Length..].Trim();
        if (KommunkodPattern().IsMatch(value))
        {
            organisation = Municipality(value);
            return true;
        }
        if (Enum.TryParse<OrganisationKind>(value, ignoreCase: true, out var kind) && kind != OrganisationKind.Kommun
            && Enum.IsDefined(kind))
        {
            organisation = new OrganisationRef(kind, "");
            return true;
        }
        error = $"Okänd organisation \"{value}\": ange kommunkod med fyra siffror (t.ex. 2180), AF, FK, Region eller Förbund.";
        return false;
    }

    /// <summary>Serialized form used in storage and claims ("kommun:2180", "AF").</summary>
    public string ToKey() => Kind == OrganisationKind.Kommun ? $"kommun:{Id}" : Kind.ToString();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex KommunkodPattern();
}
