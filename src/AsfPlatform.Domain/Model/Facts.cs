namespace AsfPlatform.Domain.Model;

// The dated facts the platform follows up. They are immutable; grains keep them and turn them into observations.

/// <summary>An owner: a samordningsförbund, a region, a municipality or another organisation. Every other key is
/// scoped by the owner id.</summary>
[GenerateSerializer, Immutable, Alias("asf.Owner")]
public sealed record Owner(string Id, string Name, OwnerKind Kind);

/// <summary>A municipality of an owner, placed in one of the owner's subregions (<see cref="Model.Subregion.Id"/>) or none.</summary>
[GenerateSerializer, Immutable, Alias("asf.Municipality")]
public sealed record Municipality(string Kommunkod, string Name, string? Subregion);

/// <summary>A dated step in a municipality's work with ASF (policy adopted, support structure joined, ...).</summary>
[GenerateSerializer, Immutable, Alias("asf.MunicipalMilestone")]
public sealed record MunicipalMilestone(
    string Id, MunicipalMilestoneKind Kind, DateOnly Date, string Title, string? DecidingBody = null, string? Note = null);

/// <summary>Tillväxtverket's four criteria of an ASF.</summary>
[GenerateSerializer, Immutable, Alias("asf.DefinitionCriteria")]
public sealed record DefinitionCriteria(bool IntegrationAim, bool Participation, bool ProfitsReinvested, bool Independent)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool All => IntegrationAim && Participation && ProfitsReinvested && Independent;
}

[GenerateSerializer, Immutable, Alias("asf.Company")]
public sealed record Company(
    string Id,
    string Name,
    string? OrganisationNumber,
    LegalForm LegalForm,
    string Kommunkod,
    string? Sector,
    DefinitionCriteria Criteria,
    DateOnly? RegisteredFrom,
    DateOnly? RegisteredTo,
    string? Note = null);

/// <summary>A company's figures at a date: employed by sex, participants in measures by referrer.</summary>
[GenerateSerializer, Immutable, Alias("asf.CompanyFigures")]
public sealed record CompanyFigures(
    DateOnly Date,
    int EmployedWomen,
    int EmployedMen,
    int? EmployedTotal,
    int ParticipantsAf,
    int ParticipantsMunicipality,
    int ParticipantsOther);

/// <summary>An insats. The process owner and leader are roles by title (never a person's name); <paramref name="ClosedOn"/>
/// is set when the insats is closed. The members added after the first version are optional, so stored states and the
/// dataset read unchanged.</summary>
[GenerateSerializer, Immutable, Alias("asf.Insats")]
public sealed record Insats(
    string Id,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> OverarchingGoals,
    string? Description = null,
    string? ProcessOwner = null,
    string? ProcessLeader = null,
    DateOnly? ClosedOn = null)
{
    /// <summary>Whether the insats has been closed (no facts dated after <see cref="ClosedOn"/> are accepted).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Closed => ClosedOn is not null;
}

/// <summary>A milestone in the insats narrative (final report). Date is null when the source gives only the year.
/// <paramref name="Tag"/> lets yes/no indicators refer to it (e.g. "lansrad").</summary>
[GenerateSerializer, Immutable, Alias("asf.NarrativeMilestone")]
public sealed record NarrativeMilestone(string Id, int Year, DateOnly? Date, string Text, string? Tag = null);

/// <summary>Audience counts of an information event; null means not reported.</summary>
[GenerateSerializer, Immutable, Alias("asf.Audience")]
public sealed record Audience(int? Politicians = null, int? Employees = null, int? Organisations = null, int? Others = null);

[GenerateSerializer, Immutable, Alias("asf.InformationEvent")]
public sealed record InformationEvent(
    string Id,
    DateOnly Date,
    EventType Type,
    string Title,
    string? Kommunkod,
    IReadOnlyList<string> Organisers,
    Audience Audience,
    string? ProcessGoalId = null,
    string? Note = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CountyWide => Kommunkod is null;
}

/// <summary>A grant of supervised places at ASF to a municipality for a year, with use and outcomes once known.</summary>
[GenerateSerializer, Immutable, Alias("asf.Placement")]
public sealed record Placement(
    string Id,
    int Year,
    string Kommunkod,
    int PlacesGranted,
    string TargetGroup,
    decimal DailyRate,
    PlacementUse? Use = null,
    PlacementOutcomes? Outcomes = null,
    string? Note = null);

[GenerateSerializer, Immutable, Alias("asf.PlacementUse")]
public sealed record PlacementUse(int PlacesUsed, int Participants, int ParticipantsWomen, int ParticipantsMen, int? Days = null);

/// <summary>
/// What the participants went on to. <paramref name="Women"/> and <paramref name="Men"/> are how many of the outcomes the
/// source gives for women and for men ("1 vidare till arbete (man)"), null where it does not say; they are kept as
/// stated and checked against the participants by sex (a data-quality finding, never a refusal).
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.PlacementOutcomes")]
public sealed record PlacementOutcomes(int Work = 0, int Studies = 0, int Af = 0, int BackToPublicSupport = 0, int Continued = 0, int? Women = null, int? Men = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Total => Work + Studies + Af + BackToPublicSupport + Continued;
}

/// <summary>A survey's company count in one of the owner's subregions (by subregion id).</summary>
[GenerateSerializer, Immutable, Alias("asf.SubregionCount")]
public sealed record SubregionCount(string Subregion, int Companies);

/// <summary>
/// County-level yearly figures, for years where no per-company figures exist. Stated totals are kept as the source
/// gave them; the platform computes totals from the parts and reports any difference as a data-quality finding.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.CountySurvey")]
public sealed record CountySurvey(
    int Year,
    DateOnly Date,
    IReadOnlyList<SubregionCount> CompaniesBySubregion,
    int? CompaniesStated,
    int EmployedWomen,
    int EmployedMen,
    int? EmployedStated,
    int ParticipantsAf,
    int ParticipantsMunicipality,
    int ParticipantsOther,
    int? ParticipantsStated,
    int? PeopleInformed,
    string? Source = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Companies => CompaniesBySubregion.Sum(c => c.Companies);
    [System.Text.Json.Serialization.JsonIgnore]
    public int Employed => EmployedWomen + EmployedMen;
    [System.Text.Json.Serialization.JsonIgnore]
    public int Participants => ParticipantsAf + ParticipantsMunicipality + ParticipantsOther;
}
