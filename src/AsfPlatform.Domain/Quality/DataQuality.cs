using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Quality;

/// <summary>
/// A total stated in a source document for a period (e.g. "23 handledda placeringar" 2016–2018), kept as stated and
/// checked against the sum of the recorded facts.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.StatedTotal")]
public sealed record StatedTotal(string Id, string Label, MetricKind Metric, DateOnly From, DateOnly To, decimal Value, string Source);

/// <summary>A stated figure that differs from the sum of its parts. The figure was accepted as stated.</summary>
[GenerateSerializer, Immutable, Alias("asf.DataQualityFinding")]
public sealed record DataQualityFinding(string Id, string Subject, string Field, decimal Stated, decimal Computed, string Message);

public static class DataQuality
{
    /// <summary>Stated totals of a county survey against their parts.</summary>
    public static IReadOnlyList<DataQualityFinding> Check(CountySurvey s)
    {
        var list = new List<DataQualityFinding>();
        var subject = $"Länsuppföljning {s.Year}";
        void Compare(string field, string parts, int? stated, int computed)
        {
            if (stated is { } st && st != computed)
                list.Add(new($"survey-{s.Year}-{field}", subject, field, st, computed,
                    $"{subject}: angiven total {st} skiljer sig från summan av {parts} ({computed}); differens {st - computed}."));
        }
        Compare("foretag", "företag per delregion", s.CompaniesStated, s.Companies);
        Compare("anstallda", "kvinnor och män", s.EmployedStated, s.Employed);
        Compare("deltagare", "deltagare per remittent (AF, kommun, övriga)", s.ParticipantsStated, s.Participants);
        return list;
    }

    /// <summary>Stated period totals against the sum of the recorded facts' observations.</summary>
    public static IReadOnlyList<DataQualityFinding> Check(IEnumerable<StatedTotal> stated, IReadOnlyCollection<Observation> observations) =>
        stated.Select(t =>
        {
            var computed = Measure.Of(t.Metric, observations, IndicatorScope.County, null, t.From, t.To)?.Value ?? 0;
            return computed == t.Value ? null
                : new DataQualityFinding($"stated-{t.Id}", t.Label, t.Metric.ToString(), t.Value, computed,
                    $"{t.Label}: angivet {t.Value:0.##} ({t.Source}) men de registrerade uppgifterna ger {computed:0.##}; differens {t.Value - computed:0.##}.");
        }).OfType<DataQualityFinding>().ToList();
}
