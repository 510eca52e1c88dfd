using System.Text.Json.Serialization;

namespace AsfPlatform.Domain.Indicators;

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))]
[GenerateSerializer, Alias("asf.IndicatorKind")]
public enum IndicatorKind
{
    /// <summary>Sum of a flow metric over the period (e.g. events held in 2017).</summary>
    CountInPeriod,
    /// <summary>Value of a stock metric at a date (e.g. active ASF at 31 Dec).</summary>
    StockAtDate,
    /// <summary>Numerator / denominator over the period, in percent.</summary>
    Rate,
    /// <summary>Growth of a stock metric in percent of the baseline, with intermediate milestones.</summary>
    GrowthRelativeToBaseline,
    /// <summary>Yes/no: has the thing happened (at least once) by the date.</summary>
    Milestone,
}

[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
[GenerateSerializer, Alias("asf.Direction")]
public enum Direction { Increase, Decrease }

[JsonConverter(typeof(JsonStringEnumConverter<ScopeLevel>))]
[GenerateSerializer, Alias("asf.ScopeLevel")]
public enum ScopeLevel { County, Subregion, Municipality }

/// <summary>Where an indicator's value comes from: a metric, an optional denominator (rates) and optional categories
/// (event types, referrers "af"/"kommun"/"ovrig", milestone tags).</summary>
[GenerateSerializer, Immutable, Alias("asf.IndicatorSource")]
public sealed record IndicatorSource(MetricKind Metric, MetricKind? Denominator = null, IReadOnlyList<string>? Categories = null);

/// <summary>County, a subregion (Code = "Halsingland"/"Gastrikland") or a municipality (Code = kommunkod).</summary>
[GenerateSerializer, Immutable, Alias("asf.IndicatorScope")]
public sealed record IndicatorScope(ScopeLevel Level, string? Code = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public static IndicatorScope County { get; } = new(ScopeLevel.County);
}

/// <summary>An intermediate target on the way (e.g. +5 % by 2018 on the way to +15 % by 2020).</summary>
[GenerateSerializer, Immutable, Alias("asf.IndicatorMilestone")]
public sealed record IndicatorMilestone(DateOnly Date, decimal Target);

/// <summary>
/// An indicator of a yearly plan. Values are never typed in: they are computed from <see cref="Source"/>. A null
/// <see cref="BaselineValue"/> with a <see cref="BaselineDate"/> means "measure the baseline from the facts".
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.IndicatorDefinition")]
public sealed record IndicatorDefinition(
    string Id,
    string Title,
    IndicatorKind Kind,
    IndicatorSource Source,
    decimal TargetValue,
    DateOnly TargetDate,
    Direction Direction = Direction.Increase,
    IndicatorScope? Scope = null,
    DateOnly? PeriodStart = null,
    decimal? BaselineValue = null,
    DateOnly? BaselineDate = null,
    IReadOnlyList<IndicatorMilestone>? Milestones = null,
    bool SplitBySex = false,
    string? GoalId = null,
    string? Unit = null,
    string? TargetText = null,
    string? Note = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IndicatorScope EffectiveScope => Scope ?? IndicatorScope.County;

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<IndicatorMilestone> EffectiveMilestones => Milestones ?? [];

    /// <summary>The metrics this indicator reads (subscriptions are derived from these).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<MetricKind> Metrics =>
        Source.Denominator is { } d ? [Source.Metric, d] : [Source.Metric];
}
