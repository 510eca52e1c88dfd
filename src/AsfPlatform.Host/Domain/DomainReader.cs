using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Host.Domain;

/// <summary>
/// Every read the web host makes of the domain, for the REST API and the Razor pages alike, beside
/// <see cref="DomainWriter"/> for the changes: pages and endpoints ask here and never address grains themselves, so
/// the grain keys and the cluster stay behind these two classes (an architecture test keeps it so).
/// </summary>
public sealed class DomainReader(IGrainFactory grains)
{
    /// <summary>The owner and the ids it holds.</summary>
    public Task<OwnerSnapshot> OwnerAsync(string owner) => Directory(owner).GetSnapshot();

    /// <summary>The ids of every registered owner (the owner list).</summary>
    public Task<IReadOnlyList<string>> OwnerIdsAsync() => grains.GetGrain<IOwnerListGrain>(GrainKeys.OwnerList).GetOwners();

    /// <summary>
    /// The owner's partner organisations: its municipalities (kind Kommun, id = kommunkod) and the others it named
    /// (Arbetsförmedlingen, Försäkringskassan, the region, others). Empty for an unknown owner.
    /// </summary>
    public async Task<IReadOnlyList<PartnerOrganisation>> OrganisationsAsync(string owner) => (await OwnerAsync(owner)).Organisations;

    /// <summary>The owner's municipalities with their milestones.</summary>
    public Task<IReadOnlyList<MunicipalitySnapshot>> MunicipalitiesAsync(string owner) => Directory(owner).GetMunicipalities();

    /// <summary>One municipality.</summary>
    public Task<MunicipalitySnapshot> MunicipalityAsync(string owner, string kommunkod) =>
        grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(owner, kommunkod)).GetSnapshot();

    /// <summary>The owner's companies with their figures.</summary>
    public Task<IReadOnlyList<CompanySnapshot>> CompaniesAsync(string owner) => Directory(owner).GetCompanies();

    /// <summary>One company.</summary>
    public Task<CompanySnapshot> CompanyAsync(string owner, string companyId) =>
        grains.GetGrain<ICompanyGrain>(GrainKeys.Company(owner, companyId)).GetSnapshot();

    /// <summary>One insats.</summary>
    public Task<InsatsSnapshot> InsatsAsync(string owner, string insatsId) => Insats(owner, insatsId).GetSnapshot();

    /// <summary>One information event with its own version.</summary>
    public Task<EventSnapshot> EventAsync(string owner, string insatsId, string eventId) => Insats(owner, insatsId).GetEvent(eventId);

    /// <summary>An insats' events dated within [from, to], oldest first.</summary>
    public Task<IReadOnlyList<InformationEvent>> EventsAsync(string owner, string insatsId, DateOnly from, DateOnly to) =>
        Insats(owner, insatsId).GetEvents(from, to);

    /// <summary>An insats' placements.</summary>
    public Task<IReadOnlyList<Placement>> PlacementsAsync(string owner, string insatsId) => Insats(owner, insatsId).GetPlacements();

    /// <summary>A yearly plan with its live indicators.</summary>
    public Task<PlanSnapshot> PlanAsync(string owner, string insatsId, int year) => Plan(owner, insatsId, year).GetSnapshot();

    /// <summary>A yearly plan's indicators evaluated as of a date.</summary>
    public Task<IReadOnlyList<IndicatorEvaluation>> EvaluateAsync(string owner, string insatsId, int year, DateOnly asOf) =>
        Plan(owner, insatsId, year).Evaluate(asOf);

    /// <summary>Data-quality findings of the owner (of one insats and the surveys when <paramref name="insatsId"/> is given).</summary>
    public Task<IReadOnlyList<DataQualityFinding>> FindingsAsync(string owner, string? insatsId) =>
        Directory(owner).GetDataQualityFindings(insatsId);

    private IOwnerDirectoryGrain Directory(string owner) => grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner));

    private IInsatsGrain Insats(string owner, string insatsId) => grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(owner, insatsId));

    private IYearlyPlanGrain Plan(string owner, string insatsId, int year) =>
        grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(owner, insatsId, year));
}
