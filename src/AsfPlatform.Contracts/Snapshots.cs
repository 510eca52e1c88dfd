using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Contracts;

/// <summary>An owner and what it holds. <paramref name="Version"/> grows with every accepted change (ETag).</summary>
[GenerateSerializer, Immutable, Alias("asf.OwnerSnapshot")]
public sealed record OwnerSnapshot(
    string Id,
    string? Name,
    OwnerKind? Kind,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Insatser,
    IReadOnlyList<string> Plans,
    IReadOnlyList<int> SurveyYears,
    long Version,
    string? OrganisationNumber = null,
    IReadOnlyList<Subregion>? Subregions = null,
    IReadOnlyList<PartnerOrganisation>? Partners = null)
{
    /// <summary>Whether the owner has been registered.</summary>
    public bool Exists => Name is not null;

    /// <summary>
    /// Every partner organisation: the owner's municipalities (kind Kommun, id = kommunkod, name from SCB's list),
    /// then the others it named (<see cref="Partners"/>). Partner-office accounts are bound to one of these.
    /// </summary>
    public IReadOnlyList<PartnerOrganisation> Organisations =>
        Municipalities.Select(code => new PartnerOrganisation(PartnerKind.Kommun, code, Kommunkod.NameOf(code) ?? code))
            .Concat(Partners ?? []).ToList();

    /// <summary>The name of one of the owner's subregions (see <see cref="Subregion.NameOf"/>).</summary>
    public string SubregionName(string id) => Subregion.NameOf(id, Subregions);
}

/// <summary>A municipality with its dated milestones.</summary>
[GenerateSerializer, Immutable, Alias("asf.MunicipalitySnapshot")]
public sealed record MunicipalitySnapshot(
    string Owner, string Kommunkod, string? Name, string? Subregion, IReadOnlyList<MunicipalMilestone> Milestones, long Version)
{
    /// <summary>Whether the municipality has been registered.</summary>
    public bool Exists => Name is not null;
}

/// <summary>A company with its dated figures. <c>Company.Kommunkod</c> tells partner-office authorization where it
/// belongs.</summary>
[GenerateSerializer, Immutable, Alias("asf.CompanySnapshot")]
public sealed record CompanySnapshot(string Owner, string Id, Company? Company, IReadOnlyList<CompanyFigures> Figures, long Version)
{
    /// <summary>The company's municipality, or null when not registered.</summary>
    public string? Kommunkod => Company?.Kommunkod;
}

/// <summary>An insats with its narrative milestones, stated totals, plan years and its own texts (<see cref="Narrative"/>). Events and placements are read
/// with their own methods (they can be many).</summary>
[GenerateSerializer, Immutable, Alias("asf.InsatsSnapshot")]
public sealed record InsatsSnapshot(
    string Owner,
    string Id,
    Insats? Insats,
    IReadOnlyList<NarrativeMilestone> Milestones,
    IReadOnlyList<StatedTotal> StatedTotals,
    IReadOnlyList<int> PlanYears,
    int EventCount,
    int PlacementCount,
    long Version,
    InsatsNarrative? Narrative = null)
{
    /// <summary>Whether the insats has been defined.</summary>
    public bool Exists => Insats is not null;
}

/// <summary>An information event of an insats with its own <paramref name="Version"/> (the ETag for changing it;
/// 0 while it does not exist). Events do not change the insats' version.</summary>
[GenerateSerializer, Immutable, Alias("asf.EventSnapshot")]
public sealed record EventSnapshot(string Owner, string InsatsId, string EventId, InformationEvent? Event, long Version)
{
    /// <summary>Whether the event exists.</summary>
    public bool Exists => Event is not null;
}

/// <summary>A county survey as stated, with its data-quality findings.</summary>
[GenerateSerializer, Immutable, Alias("asf.SurveySnapshot")]
public sealed record SurveySnapshot(CountySurvey Survey, IReadOnlyList<DataQualityFinding> Findings);

/// <summary>
/// A yearly plan: its content and the live indicator values, evaluated as of <paramref name="AsOf"/> (today, clamped
/// into the plan year). Use <see cref="IYearlyPlanGrain.Evaluate"/> for any other date. <paramref name="Version"/>
/// counts content edits (the ETag for editing); <paramref name="FactsVersion"/> counts fact updates pushed by sources.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.PlanSnapshot")]
public sealed record PlanSnapshot(
    string Owner,
    string InsatsId,
    int Year,
    PlanContent? Content,
    DateOnly AsOf,
    IReadOnlyList<IndicatorEvaluation> Indicators,
    int ObservationCount,
    long Version,
    long FactsVersion)
{
    /// <summary>Whether the plan has been created.</summary>
    public bool Exists => Content is not null;
}

/// <summary>What observers of a plan receive when its indicator values change.</summary>
[GenerateSerializer, Immutable, Alias("asf.PlanIndicatorsChanged")]
public sealed record PlanIndicatorsChanged(string PlanKey, long Version, long FactsVersion, DateOnly AsOf, IReadOnlyList<IndicatorEvaluation> Indicators);
