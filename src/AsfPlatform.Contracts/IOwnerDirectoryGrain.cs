using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Quality;
using AsfPlatform.Runtime;

namespace AsfPlatform.Contracts;

/// <summary>
/// One per owner (key: the owner id). Lists the owner's municipalities, companies, insatser and plans, holds the
/// county surveys, knows which plans subscribe to which sources, and answers the data-quality query.
/// </summary>
public interface IOwnerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Registers or renames the owner.</summary>
    Task<OwnerSnapshot> Register(RegisterOwner command);

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

    /// <summary>Infrastructure: a grain of this owner announces itself so it can be listed.</summary>
    Task Enlist(DirectoryEntryKind kind, string id);

    /// <summary>Infrastructure: a plan declares the sources its indicators read (replacing earlier declarations).</summary>
    Task Subscribe(string planKey, IReadOnlyList<MetricSource> sources);

    /// <summary>Infrastructure: the plans that read a source (so a source pushes only to them).</summary>
    Task<IReadOnlyList<string>> GetSubscribers(MetricSource source);

    /// <summary>Infrastructure: the observations of all surveys (a plan reads them once when it is created).</summary>
    Task<IReadOnlyList<Observation>> GetSurveyObservations();
}

/// <summary>What kind of grain enlists in the directory.</summary>
public enum DirectoryEntryKind
{
    /// <summary>A municipality grain (id = kommunkod).</summary>
    Municipality,
    /// <summary>A company grain (id = company id).</summary>
    Company,
    /// <summary>An insats grain (id = insats id).</summary>
    Insats,
    /// <summary>A yearly plan grain (id = plan key).</summary>
    Plan,
}
