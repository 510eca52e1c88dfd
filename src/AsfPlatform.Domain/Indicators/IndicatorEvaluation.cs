using System.Text.Json.Serialization;

namespace AsfPlatform.Domain.Indicators;

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorStatus>))]
[GenerateSerializer, Alias("asf.IndicatorStatus")]
public enum IndicatorStatus { Achieved, OnTrack, AtRisk, OffTrack, NoData }

/// <summary>A measured value: total, split by sex where the source has it, which sources contributed, and the date
/// of the latest observation counted (<paramref name="Latest"/>), so a reader sees how fresh the figure is.</summary>
[GenerateSerializer, Immutable, Alias("asf.MeasuredValue")]
public sealed record MeasuredValue(decimal Value, int? Women, int? Men, IReadOnlyList<string> Contributors, DateOnly? Latest = null);

[GenerateSerializer, Immutable, Alias("asf.MilestoneEvaluation")]
public sealed record MilestoneEvaluation(DateOnly Date, decimal Target, decimal? Value, bool? Met);

/// <summary>An indicator evaluated as of a date.</summary>
/// <param name="Expected">Where the straight path from baseline to target (through milestones) is at the date.</param>
/// <param name="PercentOfTargetMet">(value − baseline) / (target − baseline) × 100; correct for decreasing targets.</param>
/// <param name="LatestFigure">The date of the latest observation the value counts; null without data.</param>
[GenerateSerializer, Immutable, Alias("asf.IndicatorEvaluation")]
public sealed record IndicatorEvaluation(
    string IndicatorId,
    string Title,
    IndicatorKind Kind,
    DateOnly AsOf,
    decimal? Value,
    int? Women,
    int? Men,
    decimal? Baseline,
    decimal Target,
    DateOnly TargetDate,
    decimal? Expected,
    decimal? PercentOfTargetMet,
    IndicatorStatus Status,
    string StatusText,
    IReadOnlyList<MilestoneEvaluation> Milestones,
    IReadOnlyList<string> Contributors,
    string Source,
    DateOnly? LatestFigure = null)
{
    public static string Swedish(IndicatorStatus s) => s switch
    {
        IndicatorStatus.Achieved => "Uppnått",
        IndicatorStatus.OnTrack => "I fas",
        IndicatorStatus.AtRisk => "Risk",
        IndicatorStatus.OffTrack => "Ej i fas",
        _ => "Saknar data",
    };
}
