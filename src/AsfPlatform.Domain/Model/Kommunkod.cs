namespace AsfPlatform.Domain.Model;

/// <summary>A municipality of the reference table.</summary>
[GenerateSerializer, Immutable, Alias("asf.KnownMunicipality")]
public sealed record KnownMunicipality(string Kommunkod, string Name, Subregion? Subregion);

/// <summary>Kommunkod (four digits: county code + municipality number) and the Gävleborg reference table.</summary>
public static class Kommunkod
{
    // County codes in use since 1998 (SCB).
    private static readonly HashSet<string> Counties =
        ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"];

    /// <summary>The ten municipalities of Gävleborg (county 21) with their subregion.</summary>
    public static IReadOnlyList<KnownMunicipality> Gavleborg { get; } =
    [
        new("2101", "Ockelbo", Subregion.Gastrikland),
        new("2104", "Hofors", Subregion.Gastrikland),
        new("2121", "Ovanåker", Subregion.Halsingland),
        new("2132", "Nordanstig", Subregion.Halsingland),
        new("2161", "Ljusdal", Subregion.Halsingland),
        new("2180", "Gävle", Subregion.Gastrikland),
        new("2181", "Sandviken", Subregion.Gastrikland),
        new("2182", "Söderhamn", Subregion.Halsingland),
        new("2183", "Bollnäs", Subregion.Halsingland),
        new("2184", "Hudiksvall", Subregion.Halsingland),
    ];

    public static bool IsValid(string? code) =>
        code is { Length: 4 } && code.All(char.IsAsciiDigit) && Counties.Contains(code[..2]) && code[2..] != "00";

    /// <summary>The subregion of a Gävleborg municipality, or null elsewhere.</summary>
    public static Subregion? SubregionOf(string? code) => Gavleborg.FirstOrDefault(m => m.Kommunkod == code)?.Subregion;

    public static string? NameOf(string? code) => Gavleborg.FirstOrDefault(m => m.Kommunkod == code)?.Name;

    /// <summary>The grain-key segment of a municipality ("k2180"): a non-hex prefix keeps the key verbatim.</summary>
    public static string KeySegment(string code) => "k" + code;
}
