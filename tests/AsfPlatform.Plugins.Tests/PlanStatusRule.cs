using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Plugins.Tests;

/// <summary>The plan's rule for status words, restated for the tests: before the target date "I fas" / "Ej i fas", at or
/// after it "Uppnått" / "Ej uppnått"; "Saknar data" without a measured value.</summary>
internal static class PlanStatusRule
{
    public static string Words(IndicatorEvaluation e) =>
        e.Status == IndicatorStatus.NoData ? "Saknar data"
        : e.AsOf >= e.TargetDate ? (e.Status == IndicatorStatus.Achieved ? "Uppnått" : "Ej uppnått")
        : e.Status is IndicatorStatus.Achieved or IndicatorStatus.OnTrack ? "I fas" : "Ej i fas";
}
