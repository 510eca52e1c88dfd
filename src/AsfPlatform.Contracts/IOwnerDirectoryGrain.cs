using AsfPlatform.Domain.Quality;


namespace AsfPlatform.Contracts;

/// <summary>
/// One per owner (key: the owner id). Lists the owner's municipalities, companies, insatser and plans, holds the
/// county surveys, knows which plans subscribe to which sources, and answers the data-quality query.
/// </summary>
[Alias("asf.IOwnerDirectoryGrain")]
public interface IOwnerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Registers or renames the owner.</summary>
    Task<OwnerSnapshot> Register(RegisterOwner command);

    /// <summary>
    /// Creates the owner (create-only) or replaces its profile. Refuses an invalid profile (fields named as in the
    /// API), a stale version, and a create of an id already registered.
    /// </summary>
    Task<OwnerSnapshot> SaveProfile(SaveOwnerProfile command);

    /// <summary>The owner and the ids it holds.</summary>
    Task<OwnerSnapshot> GetSnapshot();

    /// <summary>Records (or replaces) a county survey and pushes its figures to the plans that use them.</summary>
    Task<OwnerSnapshot> RecordSurvey(RecordCountySurvey command);

    /// <summary>All county surveys, oldest first, each with its findings.</summary>
    Task<IReadOnlyList<SurveySnapshot>> GetSurveys();

    /// <summary>All municipalities with their milestones.</summary>
    Task<IReadOnlyList<MunicipalitySnapshot>> GetMunicipalities();

    /// <summary>All companies with their figures.</summary>
    Task<IReadOnlyList<CompanySnapshot>> GetCompanies();

    /// <summary>
    /// Data-quality findings: stated totals that differ from the sum of their parts (surveys) or from the recorded
    /// facts (stated totals of an insats). With <paramref name="insatsId"/> only that insats' findings and the surveys'.
    /// </summary>
    Task<IReadOnlyList<DataQualityFinding>> GetDataQualityFindings(string? insatsId = null);
}
