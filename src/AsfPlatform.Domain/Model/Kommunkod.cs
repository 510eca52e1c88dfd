namespace AsfPlatform.Domain.Model;

/// <summary>A municipality of the Gävleborg reference table, with the id of its subregion.</summary>
[GenerateSerializer, Immutable, Alias("asf.KnownMunicipality")]
public sealed record KnownMunicipality(string Kommunkod, string Name, string? Subregion);

/// <summary>A municipality of Sweden as SCB lists it: kommunkod, name, and its county (län).</summary>
[GenerateSerializer, Immutable, Alias("asf.SwedishMunicipality")]
public sealed record SwedishMunicipality(string Kommunkod, string Name, string CountyCode, string CountyName);

/// <summary>
/// Kommunkod (four digits: county code + municipality number), the official list of Sweden's 290 municipalities
/// (embedded <c>Model/Data/kommuner.csv</c>, see docs/data/kommuner.md) and the Gävleborg reference table.
/// </summary>
public static class Kommunkod
{
    /// <summary>All municipalities of Sweden, ordered by kommunkod.</summary>
    public static IReadOnlyList<SwedishMunicipality> All { get; } = Load();

    private static readonly Dictionary<string, SwedishMunicipality> ByCode = All.ToDictionary(m => m.Kommunkod, StringComparer.Ordinal);

    /// <summary>The ten municipalities of Gävleborg (county 21) with the id of their subregion.</summary>
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

    /// <summary>Whether the code is the kommunkod of a municipality of the official list.</summary>
    public static bool IsValid(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The municipality of the official list, or null.</summary>
    public static SwedishMunicipality? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var m) ? m : null;

    /// <summary>
    /// The Gävleborg subregion of a municipality, or null elsewhere. Facts that name only a kommunkod (events,
    /// placements, companies) take their subregion from here.
    /// </summary>
    public static string? SubregionOf(string? code) => Gavleborg.FirstOrDefault(m => m.Kommunkod == code)?.Subregion;

    /// <summary>The municipality's name from the official list, or null for an unknown code.</summary>
    public static string? NameOf(string? code) => Find(code)?.Name;

    /// <summary>The grain-key segment of a municipality ("k2180"): a non-hex prefix keeps the key verbatim.</summary>
    public static string KeySegment(string code) => "k" + code;

    private static List<SwedishMunicipality> Load()
    {
        using var stream = typeof(Kommunkod).Assembly.GetManifestResourceStream("AsfPlatform.Domain.kommuner.csv")
            ?? throw new InvalidOperationException("kommuner.csv saknas i AsfPlatform.Domain.");
        using var reader = new StreamReader(stream);
        var list = new List<SwedishMunicipality>();
        reader.ReadLine(); // header: kommunkod,namn,lanskod,lan
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            list.Add(new SwedishMunicipality(f[0], f[1], f[2], f[3]));
        }
        return list.OrderBy(m => m.Kommunkod, StringComparer.Ordinal).ToList();
    }
}
