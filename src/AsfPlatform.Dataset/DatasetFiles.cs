using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Dataset;

// The shapes of the files in data/ (camelCase JSON). Facts reuse the domain records, so a file and a command can
// never disagree about a field.

/// <summary>data/{owner}/owner.json</summary>
public sealed record OwnerFile(
    string Id,
    string Name,
    OwnerKind Kind,
    IReadOnlyList<Subregion>? Subregions,
    IReadOnlyList<string>? Shared,
    IReadOnlyList<string>? Insatser,
    IReadOnlyList<Company>? Companies,
    IReadOnlyList<CompanyFiguresEntry>? CompanyFigures);

public sealed record CompanyFiguresEntry(string CompanyId, CompanyFigures Figures);

/// <summary>An entry of data/municipalities.json.</summary>
public sealed record MunicipalityEntry(string Kommunkod, string Name, string? Subregion, IReadOnlyList<MunicipalMilestone>? Milestones);

/// <summary>data/{owner}/{insats}/insats.json</summary>
public sealed record InsatsFile(
    Insats Insats,
    IReadOnlyList<NarrativeMilestone>? Milestones,
    IReadOnlyList<InformationEvent>? Events,
    IReadOnlyList<Placement>? Placements,
    IReadOnlyList<StatedTotal>? StatedTotals,
    InsatsNarrative? Narrative = null);

/// <summary>data/{owner}/{insats}/plan-{year}.json</summary>
public sealed record PlanFile(int Year, PlanContent Content);
