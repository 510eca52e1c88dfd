using AsfPlatform.Contracts;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Reporting;

/// <summary>Municipality names by kommunkod, from the snapshots the report was given.</summary>
/// <param name="municipalities">The context's municipalities (<see cref="IReportContext.Municipalities"/>).</param>
public sealed class MunicipalityNames(IEnumerable<MunicipalitySnapshot> municipalities)
{
    /// <summary>What a fact without a municipality (county-wide) is labelled in tables.</summary>
    public const string CountyWide = "Länsövergripande";

    private readonly Dictionary<string, string> _names = municipalities
        .Where(m => m.Name is not null)
        .GroupBy(m => m.Kommunkod)
        .ToDictionary(g => g.Key, g => g.First().Name!);

    /// <summary>The name, <see cref="CountyWide"/> for county-wide facts, or "Kommunkod 2180" when the municipality is unknown.</summary>
    public string Of(string? kommunkod) =>
        kommunkod is null ? CountyWide : _names.TryGetValue(kommunkod, out var name) ? name : $"Kommunkod {kommunkod}";

    /// <summary>The municipality as an organisation, "Hudiksvalls kommun", "Gävle kommun"; "Länet" for county-wide facts.</summary>
    public string OrganisationOf(string? kommunkod) => kommunkod is null ? "Länet" : Organisation(Of(kommunkod));

    /// <summary>A data-quality finding's message with the municipality's name where it gives a kommunkod
    /// ("Placeringar 2018, Nordanstig: …").</summary>
    public string Describe(DataQualityFinding finding) =>
        finding.Kommunkod is { } code ? finding.Message.Replace($"kommun {code}", Of(code), StringComparison.Ordinal) : finding.Message;

    /// <summary>
    /// "Hudiksvall" → "Hudiksvalls kommun", "Gävle" → "Gävle kommun", "Hofors" → "Hofors kommun": the genitive -s is
    /// left out after a vowel or s, x, z, as the municipalities write their own names.
    /// </summary>
    public static string Organisation(string name) =>
        name.Length > 0 && !"aeiouyåäösxz".Contains(char.ToLowerInvariant(name[^1])) ? name + "s kommun" : name + " kommun";
}
