using AsfPlatform.Contracts;
using AsfPlatform.Grains.Infrastructure;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Grains;

// Grain states: small (one per municipality, company, insats, plan year), public settable properties, stored as
// System.Text.Json (readable, no type names). SchemaVersion lets a later version migrate stored states. They also
// carry Orleans' serialization attributes so a write can take a cheap deep copy (see SnapshotGrainStorage).

[GenerateSerializer, Alias("asf.OwnerDirectoryState")]
public sealed class OwnerDirectoryState : IAuditOutboxState
{
    [Id(0)]
    public int SchemaVersion { get; set; } = 1;
    [Id(1)]
    public long Version { get; set; }
    [Id(2)]
    public string? Name { get; set; }
    [Id(3)]
    public OwnerKind? Kind { get; set; }
    [Id(4)]
    public List<string> Municipalities { get; set; } = [];
    [Id(5)]
    public List<string> Companies { get; set; } = [];
    [Id(6)]
    public List<string> Insatser { get; set; } = [];
    [Id(7)]
    public List<string> Plans { get; set; } = [];
    [Id(8)]
    public List<CountySurvey> Surveys { get; set; } = [];
    /// <summary>Plan key → the sources its indicators read.</summary>
    [Id(9)]
    public Dictionary<string, List<MetricSource>> Subscriptions { get; set; } = [];
    /// <summary>NNNNNN-NNNN, or null when not given.</summary>
    [Id(10)]
    public string? OrganisationNumber { get; set; }
    /// <summary>The subregions the owner named, in its order. States stored before subregions were named have none;
    /// their municipalities' "Halsingland"/"Gastrikland" are still read as ids (see <see cref="Subregion.NameOf"/>).</summary>
    [Id(11)]
    public List<Subregion> Subregions { get; set; } = [];
    /// <summary>Partner organisations other than the municipalities (AF, FK, the region, others).</summary>
    [Id(12)]
    public List<PartnerOrganisation> Partners { get; set; } = [];
    /// <summary>Kommunkod → the id of the subregion the owner placed it in (municipalities placed since placements
    /// were kept here; plans read it to count a municipality's facts in the owner's own subregions).</summary>
    [Id(13)]
    public Dictionary<string, string> Placements { get; set; } = [];
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(14)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
}

/// <summary>The ids of every registered owner.</summary>
[GenerateSerializer, Alias("asf.OwnerListState")]
public sealed class OwnerListState
{
    [Id(0)]
    public int SchemaVersion { get; set; } = 1;
    [Id(1)]
    public List<string> Owners { get; set; } = [];
}

[GenerateSerializer, Alias("asf.MunicipalityState")]
public sealed class MunicipalityState : IAuditOutboxState
{
    [Id(0)]
    public int SchemaVersion { get; set; } = 1;
    [Id(1)]
    public long Version { get; set; }
    [Id(2)]
    public string? Name { get; set; }
    /// <summary>The id of one of the owner's subregions (stored before as the names of a fixed list, which are those ids).</summary>
    [Id(3)]
    public string? Subregion { get; set; }
    /// <summary>Schema 1 only: the milestones an owner held itself. Schema 2 hands them to the shared facts
    /// (<see cref="MunicipalFactsState"/>) on activation and keeps none.</summary>
    [Id(4)]
    public List<MunicipalMilestone> Milestones { get; set; } = [];
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(5)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
}

[GenerateSerializer, Alias("asf.MunicipalFactsState")]
public sealed class MunicipalFactsState : IAuditOutboxState
{
    [Id(0)]
    public int SchemaVersion { get; set; } = 1;
    [Id(1)]
    public long Version { get; set; }
    [Id(2)]
    public List<MunicipalMilestone> Milestones { get; set; } = [];
    /// <summary>The owners whose municipality grains joined (they hear of changes made through another owner).</summary>
    [Id(3)]
    public List<string> Owners { get; set; } = [];
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(4)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
}

[GenerateSerializer, Alias("asf.CompanyState")]
public sealed class CompanyState : IAuditOutboxState
{
    [Id(0)]
    public int SchemaVersion { get; set; } = 1;
    [Id(1)]
    public long Version { get; set; }
    [Id(2)]
    public Company? Company { get; set; }
    [Id(3)]
    public List<CompanyFigures> Figures { get; set; } = [];
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(4)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
}

[GenerateSerializer, Alias("asf.InsatsState")]
public sealed class InsatsState : IAuditOutboxState
{
    /// <summary>2: events are kept in one log per day (<see cref="EventDays"/>); schema 1 kept them in this state or in
    /// one log per month, and those are moved to their days on activation.</summary>
    [Id(0)]
    public int SchemaVersion { get; set; } = 2;
    [Id(1)]
    public long Version { get; set; }
    [Id(2)]
    public Insats? Insats { get; set; }
    [Id(3)]
    public List<NarrativeMilestone> Milestones { get; set; } = [];
    /// <summary>Schema 1 held every event here at first; they now live in one <see cref="EventLogState"/> per day and
    /// this list is emptied into those on activation.</summary>
    [Id(4)]
    public List<InformationEvent> Events { get; set; } = [];
    /// <summary>Schema 1 only: the months ("2017-06") whose logs held events. Their events are moved to their days'
    /// logs on activation, and the list is emptied.</summary>
    [Id(5)]
    public SortedSet<string> EventMonths { get; set; } = new();
    [Id(6)]
    public List<Placement> Placements { get; set; } = [];
    [Id(7)]
    public List<StatedTotal> StatedTotals { get; set; } = [];
    /// <summary>Plan year → whether that plan reads this insats' facts.</summary>
    [Id(8)]
    public Dictionary<int, bool> Plans { get; set; } = [];
    /// <summary>The insats' own texts (background, analysis, year narratives …); null until written.</summary>
    [Id(9)]
    public InsatsNarrative? Narrative { get; set; }
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(10)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
    /// <summary>The days ("2017-06-15") whose event logs hold events of this insats.</summary>
    [Id(11)]
    public SortedSet<string> EventDays { get; set; } = new();
}

/// <summary>The information events of one insats on one day (in one month before insats schema 2), each with its own
/// version.</summary>
[GenerateSerializer, Alias("asf.EventLogState")]
public sealed class EventLogState : IAuditOutboxState
{
    [Id(0)]
    public int SchemaVersion { get; set; } = 1;
    [Id(1)]
    public List<StoredEvent> Events { get; set; } = [];
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(2)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
}

[GenerateSerializer, Alias("asf.YearlyPlanState")]
public sealed class YearlyPlanState : IAuditOutboxState
{
    /// <summary>2: the observations of information events are no longer stored (schema 1 stored them here); the
    /// plan reads them from the event logs when activated.</summary>
    [Id(0)]
    public int SchemaVersion { get; set; } = 2;
    [Id(1)]
    public long Version { get; set; }
    [Id(2)]
    public long FactsVersion { get; set; }
    [Id(3)]
    public PlanContent? Content { get; set; }
    /// <summary>The observations the indicators need (only of the metrics they read), with their dates; those of
    /// information events are kept in memory only, so the stored state does not grow with the events.</summary>
    [Id(4)]
    public List<Observation> Observations { get; set; } = [];
    /// <summary>Audit notes of the changes this state carries (see <see cref="IAuditOutboxState"/>).</summary>
    [Id(5)]
    public List<AuditNote> AuditOutbox { get; set; } = [];
}
