namespace AsfPlatform.Domain.Indicators;

/// <summary>
/// Evaluates an indicator as of a date against the straight path from baseline to target (through intermediate
/// milestones). Status: achieved when the target is met; otherwise, before the target date, on track when progress
/// is at least what the path expects, at risk when within <see cref="AtRiskTolerance"/> of it, else off track; at or
/// after the target date an unmet target is off track.
/// </summary>
public static class IndicatorEvaluator
{
    /// <summary>How far (as a share of the whole way) progress may lag the path and still count as "at risk".</summary>
    public const decimal AtRiskTolerance = 0.2m;

    public static IndicatorEvaluation Evaluate(IndicatorDefinition d, IEnumerable<Observation> observations, DateOnly asOf)
    {
        var obs = observations as IReadOnlyCollection<Observation> ?? observations.ToList();
        var measureAt = asOf < d.TargetDate ? asOf : d.TargetDate;
        var periodStart = d.PeriodStart ?? d.BaselineDate ?? DateOnly.MinValue;
        var source = MetricCatalog.Describe(d.Source.Metric)
            + (d.Source.Denominator is { } den ? " / " + MetricCatalog.Describe(den) : "");

        MeasuredValue? measured;
        decimal? baseline = d.BaselineValue;
        switch (d.Kind)
        {
            case IndicatorKind.CountInPeriod:
                measured = Value(d, obs, periodStart, measureAt);
                baseline ??= 0;
                break;
            case IndicatorKind.Rate:
                measured = RateOf(d, obs, periodStart, measureAt);
                break;
            case IndicatorKind.Milestone:
                var hit = Value(d, obs, periodStart, measureAt);
                measured = new(hit is { Value: > 0 } ? 1 : 0, null, null, hit?.Contributors ?? [], hit?.Latest);
                baseline = 0;
                break;
            case IndicatorKind.GrowthRelativeToBaseline:
                var level = Value(d, obs, DateOnly.MinValue, measureAt);
                var b = d.BaselineValue ?? (d.BaselineDate is { } bd ? Value(d, obs, DateOnly.MinValue, bd)?.Value : null);
                measured = level is null || b is null or 0 ? null
                    : new(Math.Round((level.Value - b.Value) / b.Value * 100, 1), null, null, level.Contributors, level.Latest);
                baseline = 0;
                break;
            default:
                measured = Value(d, obs, DateOnly.MinValue, measureAt);
                baseline ??= d.BaselineDate is { } sd ? Value(d, obs, DateOnly.MinValue, sd)?.Value : null;
                break;
        }

        var path = Path(d, baseline, periodStart);
        var expected = Expected(path, measureAt);
        var milestones = d.EffectiveMilestones.Select(m => EvaluateMilestone(d, obs, m, asOf)).ToList();

        decimal? percent = null;
        IndicatorStatus status;
        if (measured is null)
        {
            status = IndicatorStatus.NoData;
        }
        else
        {
            var v = measured.Value;
            var b = d.Kind == IndicatorKind.Rate && baseline is null ? 0 : baseline ?? 0;
            percent = d.TargetValue == b ? (Meets(d, v, d.TargetValue) ? 100 : 0)
                : Math.Round((v - b) / (d.TargetValue - b) * 100, 1);
            if (Meets(d, v, d.TargetValue)) status = IndicatorStatus.Achieved;
            else if (asOf >= d.TargetDate) status = IndicatorStatus.OffTrack;
            else if (d.Kind == IndicatorKind.Milestone) status = IndicatorStatus.OnTrack;
            else if (d.Kind == IndicatorKind.Rate && baseline is null) status = IndicatorStatus.AtRisk; // no path: not yet met
            else
            {
                var progress = (v - b) / (d.TargetValue - b);
                var expectedProgress = expected is { } e ? (e - b) / (d.TargetValue - b) : 0;
                status = progress >= expectedProgress ? IndicatorStatus.OnTrack
                    : progress >= expectedProgress - AtRiskTolerance ? IndicatorStatus.AtRisk
                    : IndicatorStatus.OffTrack;
            }
        }

        return new(d.Id, d.Title, d.Kind, asOf, measured?.Value,
            d.SplitBySex ? measured?.Women : null, d.SplitBySex ? measured?.Men : null,
            baseline, d.TargetValue, d.TargetDate, expected is { } x ? Math.Round(x, 1) : null, percent, status,
            IndicatorEvaluation.Swedish(status), milestones, measured?.Contributors ?? [], source, measured?.Latest);
    }

    private static bool Meets(IndicatorDefinition d, decimal value, decimal target) =>
        d.Direction == Direction.Increase ? value >= target : value <= target;

    private static MeasuredValue? Value(IndicatorDefinition d, IReadOnlyCollection<Observation> obs, DateOnly from, DateOnly to) =>
        Measure.Of(d.Source.Metric, obs, d.EffectiveScope, d.Source.Categories, from, to);

    private static MeasuredValue? RateOf(IndicatorDefinition d, IReadOnlyCollection<Observation> obs, DateOnly from, DateOnly to)
    {
        var num = Value(d, obs, from, to);
        var den = d.Source.Denominator is { } m ? Measure.Of(m, obs, d.EffectiveScope, null, from, to) : null;
        if (num is null || den is null || den.Value == 0) return null;
        return new(Math.Round(num.Value / den.Value * 100, 1), null, null, den.Contributors,
            num.Latest > den.Latest ? num.Latest : den.Latest);
    }

    private static MilestoneEvaluation EvaluateMilestone(IndicatorDefinition d, IReadOnlyCollection<Observation> obs,
        IndicatorMilestone m, DateOnly asOf)
    {
        if (asOf < m.Date) return new(m.Date, m.Target, null, null);
        var at = Evaluate(d with { Milestones = [], TargetDate = m.Date, TargetValue = m.Target }, obs, m.Date);
        return new(m.Date, m.Target, at.Value, at.Value is { } v ? Meets(d, v, m.Target) : null);
    }

    /// <summary>The path's points: baseline, then milestones, then target, in date order.</summary>
    private static List<(DateOnly Date, decimal Value)> Path(IndicatorDefinition d, decimal? baseline, DateOnly periodStart)
    {
        var points = new List<(DateOnly, decimal)>();
        if (baseline is { } b) points.Add((d.BaselineDate ?? periodStart, b));
        points.AddRange(d.EffectiveMilestones.Where(m => m.Date < d.TargetDate).OrderBy(m => m.Date).Select(m => (m.Date, m.Target)));
        points.Add((d.TargetDate, d.TargetValue));
        return points;
    }

    private static decimal? Expected(List<(DateOnly Date, decimal Value)> path, DateOnly at)
    {
        if (path.Count < 2) return null;
        if (at <= path[0].Date) return path[0].Value;
        for (var i = 1; i < path.Count; i++)
        {
            var (d0, v0) = path[i - 1];
            var (d1, v1) = path[i];
            if (at <= d1)
            {
                var span = d1.DayNumber - d0.DayNumber;
                return span <= 0 ? v1 : v0 + (v1 - v0) * (at.DayNumber - d0.DayNumber) / span;
            }
        }
        return path[^1].Value;
    }
}
