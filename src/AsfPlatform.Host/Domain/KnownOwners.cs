using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using Orleans;

namespace AsfPlatform.Host.Domain;

/// <summary>An insats year the start page links to.</summary>
public sealed record PlanLink(string Owner, string OwnerName, string InsatsId, int Year);

/// <summary>
/// The owners this installation shows: those of the embedded dataset plus <c>Platform:Owners</c> (comma separated).
/// Owners register through the dataset loader or the CLI; the directory grain then lists what each holds.
/// </summary>
public sealed class KnownOwners(DomainReader reader, IConfiguration configuration)
{
    private static readonly IReadOnlyList<string> DatasetOwners = DatasetSource.Embedded.Files
        .Where(f => f.EndsWith("/owner.json", StringComparison.Ordinal))
        .Select(f => DatasetSource.Embedded.Read<OwnerFile>(f).Id)
        .ToList();

    /// <summary>The owner ids.</summary>
    public IReadOnlyList<string> Ids => DatasetOwners
        .Concat((configuration["Platform:Owners"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every plan year of every registered owner, newest year first.</summary>
    public async Task<IReadOnlyList<PlanLink>> PlansAsync()
    {
        var links = new List<PlanLink>();
        foreach (var id in Ids)
        {
            var owner = await reader.OwnerAsync(id);
            if (!owner.Exists)
                continue;
            foreach (var planKey in owner.Plans)
            {
                var parts = GrainKeys.Segments(planKey);
                if (parts.Length == 3 && int.TryParse(parts[2], out var year))
                    links.Add(new PlanLink(id, owner.Name!, parts[1], year));
            }
        }
        return links.OrderBy(l => l.OwnerName).ThenBy(l => l.InsatsId).ThenByDescending(l => l.Year).ToList();
    }
}
