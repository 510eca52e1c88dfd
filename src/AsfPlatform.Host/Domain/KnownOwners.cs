using AsfPlatform.Contracts;

namespace AsfPlatform.Host.Domain;

/// <summary>An insats year the start page links to.</summary>
public sealed record PlanLink(string Owner, string OwnerName, string InsatsId, int Year);

/// <summary>
/// The owners this installation shows: every owner of the owner list (owners created on the web or the API, and
/// those the dataset loader or the CLI registered), plus <c>Platform:Owners</c> (comma separated) for owners
/// registered before the owner list existed in a database the dataset is not loaded into.
/// </summary>
public sealed class KnownOwners(DomainReader reader, IConfiguration configuration)
{
    /// <summary>The owner ids, in order.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync() => (await reader.OwnerIdsAsync())
        .Concat((configuration["Platform:Owners"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every registered owner, by name.</summary>
    public async Task<IReadOnlyList<OwnerSnapshot>> OwnersAsync()
    {
        var owners = await Task.WhenAll((await IdsAsync()).Select(reader.OwnerAsync));
        return owners.Where(o => o.Exists).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Every plan year of every registered owner, newest year first.</summary>
    public async Task<IReadOnlyList<PlanLink>> PlansAsync()
    {
        var links = new List<PlanLink>();
        foreach (var owner in await OwnersAsync())
        {
            foreach (var planKey in owner.Plans)
            {
                var parts = GrainKeys.Segments(planKey);
                if (parts.Length == 3 && int.TryParse(parts[2], out var year))
                    links.Add(new PlanLink(owner.Id, owner.Name!, parts[1], year));
            }
        }
        return links.OrderBy(l => l.OwnerName).ThenBy(l => l.InsatsId).ThenByDescending(l => l.Year).ToList();
    }
}
