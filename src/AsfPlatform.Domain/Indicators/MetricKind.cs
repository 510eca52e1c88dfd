using System.Text.Json.Serialization;

namespace AsfPlatform.Domain.Indicators;

/// <summary>A measurable quantity that facts contribute to and indicators are computed from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricKind>))]
[GenerateSerializer, Alias("asf.MetricKind")]
public enum MetricKind
{
    // Information events (flow); category = event type.
    InformationEvents,
    InformedPoliticians,
    InformedEmployees,
    InformedOrganisations,
    InformedOthers,
    // County survey: people in the target group informed during the year (flow).
    PeopleInformed,
    // Company statistics (stock); survey series take precedence unless company figures are newer.
    RegisteredCompanies,
    Employed,
    Participants,
    Engaged,
    // Placements (flow, dated 31 Dec of the grant year).
    PlacesGranted,
    PlacesUsed,
    PlacementParticipants,
    PlacementDays,
    PlacementOutcomeWork,
    PlacementOutcomeStudies,
    PlacementOutcomeWorkOrStudies,
    PlacementOutcomeAf,
    PlacementOutcomeBackToPublicSupport,
    PlacementOutcomeContinued,
    // Municipal milestones.
    MunicipalitiesInSupportStructure,
    MunicipalitiesWithPolicy,
    MunicipalitiesWithCooperationGroup,
    SocialProcurements,
    IopAgreements,
    // Tagged narrative milestones of the insats (flow; category = tag).
    InsatsMilestones,
}

/// <summary>How observations of a metric add up.</summary>
[GenerateSerializer, Alias("asf.MetricMode")]
public enum MetricMode
{
    /// <summary>Summed over a period (counts of things that happened).</summary>
    Flow,
    /// <summary>The latest value of each series at a date, summed over series (levels).</summary>
    Stock,
}

/// <summary>Which grain produces a metric, so a plan knows whom to subscribe to.</summary>
[GenerateSerializer, Alias("asf.MetricSource")]
public enum MetricSource { Insats, Company, Municipality, Survey }

public static class MetricCatalog
{
    public static MetricMode ModeOf(MetricKind m) => m switch
    {
        MetricKind.RegisteredCompanies or MetricKind.Employed or MetricKind.Participants or MetricKind.Engaged
            or MetricKind.MunicipalitiesInSupportStructure or MetricKind.MunicipalitiesWithPolicy
            or MetricKind.MunicipalitiesWithCooperationGroup => MetricMode.Stock,
        _ => MetricMode.Flow,
    };

    public static IReadOnlyList<MetricSource> SourcesOf(MetricKind m) => m switch
    {
        // The county survey counted the years before the platform; staff in the audience of recorded events count from then on.
        MetricKind.PeopleInformed => [MetricSource.Survey, MetricSource.Insats],
        MetricKind.RegisteredCompanies or MetricKind.Employed or MetricKind.Participants or MetricKind.Engaged =>
            [MetricSource.Survey, MetricSource.Company],
        MetricKind.MunicipalitiesInSupportStructure or MetricKind.MunicipalitiesWithPolicy
            or MetricKind.MunicipalitiesWithCooperationGroup or MetricKind.SocialProcurements
            or MetricKind.IopAgreements => [MetricSource.Municipality],
        _ => [MetricSource.Insats],
    };

    /// <summary>Swedish description, used as the indicator's named source in reports.</summary>
    public static string Describe(MetricKind m) => m switch
    {
        MetricKind.InformationEvents => "Genomförda informationsinsatser (registrerade aktiviteter)",
        MetricKind.InformedPoliticians => "Politiker i publiken vid registrerade aktiviteter",
        MetricKind.InformedEmployees => "Medarbetare/tjänstepersoner i publiken vid registrerade aktiviteter",
        MetricKind.InformedOrganisations => "Organisationer/grupper i publiken vid registrerade aktiviteter",
        MetricKind.InformedOthers => "Övriga i publiken vid registrerade aktiviteter",
        MetricKind.PeopleInformed => "Personer i målgruppen som fått information under året (länsuppföljning) och medarbetare i publiken vid registrerade aktiviteter",
        MetricKind.RegisteredCompanies => "Registrerade ASF (länsuppföljning eller företagsregister)",
        MetricKind.Employed => "Anställda i ASF (länsuppföljning eller företagens uppgifter)",
        MetricKind.Participants => "Deltagare i åtgärd i ASF (länsuppföljning eller företagens uppgifter)",
        MetricKind.Engaged => "Sysselsatta i ASF: anställda + deltagare i åtgärd",
        MetricKind.PlacesGranted => "Beviljade platser (stödfinansierade placeringar)",
        MetricKind.PlacesUsed => "Nyttjade platser",
        MetricKind.PlacementParticipants => "Deltagare i stödfinansierade placeringar",
        MetricKind.PlacementDays => "Placeringsdagar",
        MetricKind.PlacementOutcomeWork => "Utfall: arbete",
        MetricKind.PlacementOutcomeStudies => "Utfall: studier",
        MetricKind.PlacementOutcomeWorkOrStudies => "Utfall: arbete eller studier",
        MetricKind.PlacementOutcomeAf => "Utfall: vidare till Arbetsförmedlingen",
        MetricKind.PlacementOutcomeBackToPublicSupport => "Utfall: åter i offentlig försörjning",
        MetricKind.PlacementOutcomeContinued => "Utfall: förlängd insats",
        MetricKind.MunicipalitiesInSupportStructure => "Kommuner som ingår i stödstruktur (kommunala milstolpar)",
        MetricKind.MunicipalitiesWithPolicy => "Kommuner med antagen policy, riktlinjer eller handlingsplan",
        MetricKind.MunicipalitiesWithCooperationGroup => "Kommuner med lokal samverkansgrupp",
        MetricKind.SocialProcurements => "Upphandlingar med sociala hänsyn eller reserverat kontrakt",
        MetricKind.IopAgreements => "IOP-avtal",
        _ => "Milstolpar i insatsen",
    };
}
