namespace AsfPlatform.Domain.Indicators;

/// <summary>Computes a metric's value from observations, for a scope and window.</summary>
public static class Measure
{
    /// <summary>
    /// Flow metrics: the sum over [from, to]. Stock metrics: the value at <paramref name="to"/>. Null when no
    /// observation contributes (shown as "saknar data").
    /// </summary>
    public static MeasuredValue? Of(MetricKind metric, IEnumerable<Observation> observations, IndicatorScope scope,
        IReadOnlyList<string>? categories, DateOnly from, DateOnly to)
    {
        var relevant = observations.Where(o => o.Metric == metric && InScope(o, scope)
            && (categories is null || categories.Count == 0 || (o.Category is not null && categories.Contains(o.Category))));
        return MetricCatalog.ModeOf(metric) == MetricMode.Flow
            ? Sum(relevant.Where(o => o.Date >= from && o.Date <= to).ToList())
            : StockAt(relevant.Where(o => o.Date <= to).ToList(), to);
    }

    private static bool InScope(Observation o, IndicatorScope scope) => scope.Level switch
    {
        ScopeLevel.Municipality => o.Kommunkod == scope.Code,
        ScopeLevel.Subregion => o.Subregion == scope.Code,
        _ => true,
    };

    private static MeasuredValue? Sum(IReadOnlyList<Observation> list)
    {
        if (list.Count == 0) return null;
        var bySex = list.All(o => o.Women is not null && o.Men is not null);
        return new(list.Sum(o => o.Value),
            bySex ? list.Sum(o => o.Women) : null,
            bySex ? list.Sum(o => o.Men) : null,
            list.Where(o => o.Value != 0).Select(o => o.SourceId).Distinct().ToList(),
            list.Max(o => o.Date));
    }

    /// <summary>
    /// Latest value per series, summed. The county survey and per-company figures describe the same population, so
    /// they are never added: company figures are used only when some are newer than the latest survey (the survey
    /// covers years where no per-company figures exist).
    /// </summary>
    private static MeasuredValue? StockAt(IReadOnlyList<Observation> upTo, DateOnly at)
    {
        var survey = upTo.Where(o => o.IsSurvey).ToList();
        var others = upTo.Where(o => !o.IsSurvey).ToList();
        var chosen = survey.Count == 0 ? others
            : others.Count == 0 ? survey
            : others.Max(o => o.Date) > survey.Max(o => o.Date) ? others : survey;
        var latest = chosen.GroupBy(o => o.Series).Select(g => g.MaxBy(o => o.Date)!).ToList();
        return Sum(latest) is { } v ? v with { Contributors = latest.Where(o => o.Value != 0).Select(o => o.SourceId).Distinct().ToList() } : null;
    }
}
