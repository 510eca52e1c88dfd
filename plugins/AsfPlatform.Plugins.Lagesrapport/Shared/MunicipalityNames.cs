using AsfPlatform.Contracts;

namespace AsfPlatform.Plugins.Shared;

/// <summary>Municipality names by kommunkod, from the snapshots the report was given.</summary>
internal sealed class MunicipalityNames(IEnumerable<MunicipalitySnapshot> municipalities)
{
    private readonly Dictionary<string, string> _names = municipalities
        .Where(m => m.Name is not null)
        .GroupBy(m => m.Kommunkod)
        .ToDictionary(g => g.Key, g => g.First().Name!);

    /// <summary>The name, "Länsövergripande" for county-wide facts, or the code when the municipality is unknown.</summary>
    public string Of(string? kommunkod) =>
        kommunkod is null ? "Länsövergripande" : _names.TryGetValue(kommunkod, out var name) ? name : $"Kommunkod {kommunkod}";
}
