using AsfPlatform.Contracts;
using AsfPlatform.Grains.Infrastructure;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Grains;

// Grain states: small (one per municipality, company, insats, plan year), public settable properties, serialized
// with System.Text.Json. SchemaVersion lets a later version migrate stored states.

public sealed class OwnerDirectoryState
{
    public int SchemaVersion { get; set; } = 1;
    public long Version { get; set; }
    public string? Name { get; set; }
    public OwnerKind? Kind { get; set; }
    public List<string> Municipalities { get; set; } = [];
    public List<string> Companies { get; set; } = [];
    public List<string> Insatser { get; set; } = [];
    public List<string> Plans { get; set; } = [];
    public List<CountySurvey> Surveys { get; set; } = [];
    /// <summary>Plan key → the sources its indicators read.</summary>
    public Dictionary<string, List<MetricSource>> Subscriptions { get; set; } = [];
}

public sealed class MunicipalityState
{
    public int SchemaVersion { get; set; } = 1;
    public long Version { get; set; }
    public string? Name { get; set; }
    public Subregion? Subregion { get; set; }
    public List<MunicipalMilestone> Milestones { get; set; } = [];
}

public sealed class CompanyState
{
    public int SchemaVersion { get; set; } = 1;
    public long Version { get; set; }
    public Company? Company { get; set; }
    public List<CompanyFigures> Figures { get; set; } = [];
}

public sealed class InsatsState
{
    public int SchemaVersion { get; set; } = 1;
    public long Version { get; set; }
    public Insats? Insats { get; set; }
    public List<NarrativeMilestone> Milestones { get; set; } = [];
    /// <summary>Schema 1 held every event here; they now live in one <see cref="EventLogState"/> per month and this
    /// list is emptied into those on activation.</summary>
    public List<InformationEvent> Events { get; set; } = [];
    /// <summary>The months ("2017-06") whose event logs hold events of this insats.</summary>
    public SortedSet<string> EventMonths { get; set; } = new();
    public List<Placement> Placements { get; set; } = [];
    public List<StatedTotal> StatedTotals { get; set; } = [];
    /// <summary>Plan year → whether that plan reads this insats' facts.</summary>
    public Dictionary<int, bool> Plans { get; set; } = [];
}

/// <summary>The information events of one insats in one month, each with its own version.</summary>
public sealed class EventLogState
{
    public int SchemaVersion { get; set; } = 1;
    public List<StoredEvent> Events { get; set; } = [];
}

public sealed class YearlyPlanState
{
    /// <summary>2: the observations of information events are no longer stored (schema 1 stored them here); the
    /// plan reads them from the event logs when activated.</summary>
    public int SchemaVersion { get; set; } = 2;
    public long Version { get; set; }
    public long FactsVersion { get; set; }
    public PlanContent? Content { get; set; }
    /// <summary>The observations the indicators need (only of the metrics they read), with their dates; those of
    /// information events are kept in memory only, so the stored state does not grow with the events.</summary>
    public List<Observation> Observations { get; set; } = [];
}
