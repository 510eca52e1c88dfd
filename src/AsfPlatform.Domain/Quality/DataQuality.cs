using System.Text.RegularExpressions;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Quality;

/// <summary>
/// A total stated in a source document for a period (e.g. "23 handledda placeringar" 2016–2018), kept as stated and
/// checked against the sum of the recorded facts.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.StatedTotal")]
public sealed record StatedTotal(string Id, string Label, MetricKind Metric, DateOnly From, DateOnly To, decimal Value, string Source);

/// <summary>
/// A stated figure that differs from the sum of its parts. The figure was accepted as stated. <paramref name="Date"/> is
/// the date the figure speaks of (a survey's date, a period's end), so a report as of an earlier date leaves it out;
/// <paramref name="Kommunkod"/> names the municipality a finding concerns, so its kommunrapport lists it.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.DataQualityFinding")]
public sealed record DataQualityFinding(string Id, string Subject, string Field, decimal Stated, decimal Computed, string Message,
    DateOnly? Date = null, string? Kommunkod = null)
{
    /// <summary>Whether a report as of <paramref name="asOf"/> may show the finding (it speaks of nothing later).</summary>
    public bool KnownAt(DateOnly asOf) => Date is not { } date || date <= asOf;
}

public static partial class DataQuality
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
                    $"{subject}: angiven total {st} skiljer sig från summan av {parts} ({computed}); differens {st - computed}.", s.Date));
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
                    $"{t.Label}: angivet {t.Value:0.##} ({t.Source}) men de registrerade uppgifterna ger {computed:0.##}; differens {t.Value - computed:0.##}.", t.To);
        }).OfType<DataQualityFinding>().ToList();

    /// <summary>
    /// Outcomes by sex against participants by sex, per municipality and year: a source that gives more outcomes for
    /// men (or women) than men (or women) took part has said something that cannot be so. Only outcomes whose sex the
    /// source gives are compared.
    /// </summary>
    public static IReadOnlyList<DataQualityFinding> CheckOutcomesBySex(IEnumerable<Placement> placements)
    {
        var list = new List<DataQualityFinding>();
        foreach (var group in placements.GroupBy(p => (p.Kommunkod, p.Year)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Kommunkod, StringComparer.Ordinal))
        {
            var (kommunkod, year) = group.Key;
            var subject = $"Placeringar {year}, kommun {kommunkod}";
            void Compare(string field, string one, string many, int? stated, int participants)
            {
                string People(int n) => $"{n} {(n == 1 ? one : many)}";
                if (stated is { } outcomes && outcomes > participants)
                    list.Add(new($"outcomes-{year}-{kommunkod}-{field}", subject, field, outcomes, participants,
                        $"{subject}: utfall anges för {People(outcomes)} men {People(participants)} deltog; differens {outcomes - participants}.",
                        new DateOnly(year, 12, 31), kommunkod));
            }
            Compare("utfall-man", "man", "män", Sum(group, o => o.Men), group.Sum(p => p.Use?.ParticipantsMen ?? 0));
            Compare("utfall-kvinnor", "kvinna", "kvinnor", Sum(group, o => o.Women), group.Sum(p => p.Use?.ParticipantsWomen ?? 0));
        }
        return list;

        static int? Sum(IEnumerable<Placement> lines, Func<PlacementOutcomes, int?> of)
        {
            var stated = lines.Select(p => p.Outcomes is { } o ? of(o) : null).OfType<int>().ToList();
            return stated.Count == 0 ? null : stated.Sum();
        }
    }

    // "23 handledda placeringar", "11 nyttjade platser", "10 unika individer": a number, up to two words, then what it counts.
    [GeneratedRegex(@"(?<n>\d[\d  ]*)\s+(?:\p{L}+\s+){0,2}?(?<what>handledda placeringar|beviljade platser|nyttjade platser|platser nyttjades|placeringar nyttjades|unika individer|deltagare i placering\p{L}*)", RegexOptions.IgnoreCase)]
    private static partial Regex StatedCount();

    /// <summary>
    /// Totals the insats' own texts state (placements granted, places used, individuals in placements) against the
    /// totals computed from the recorded placements, so a text never says another figure than the tables.
    /// </summary>
    public static IReadOnlyList<DataQualityFinding> CheckNarrative(InsatsNarrative? narrative, IReadOnlyCollection<Placement> placements, DateOnly periodEnd)
    {
        if (narrative is null)
            return [];
        var texts = new List<(string Name, string? Text, DateOnly Date)>
        {
            ("Beskrivning av verksamheten", narrative.Assignment, periodEnd), ("Bakgrund", narrative.Background, periodEnd),
            ("Individinriktade insatser", narrative.IndividualTrack, periodEnd), ("Erfarenheter", narrative.Lessons, periodEnd),
            ("Sammanfattning strukturinriktade insatser", narrative.StructuralSummary, periodEnd), ("Analys", narrative.Analysis, periodEnd),
            ("Slutsatser", narrative.Conclusions, periodEnd),
        };
        texts.AddRange((narrative.Years ?? []).Select(y => ($"Berättelse {y.Year}", (string?)y.Text, new DateOnly(y.Year, 12, 31))));

        var list = new List<DataQualityFinding>();
        foreach (var (name, text, date) in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            foreach (Match m in StatedCount().Matches(text))
            {
                var what = m.Groups["what"].Value.ToLowerInvariant();
                var stated = int.Parse(Regex.Replace(m.Groups["n"].Value, @"\s", ""), System.Globalization.CultureInfo.InvariantCulture);
                // Placements up to the year the text speaks of (a year's narrative), or all of them.
                var upTo = placements.Where(p => p.Year <= date.Year).ToList();
                var (field, computed, label) = what switch
                {
                    "handledda placeringar" or "beviljade platser" => ("beviljade", upTo.Sum(p => p.PlacesGranted), "beviljade platser"),
                    "nyttjade platser" or "platser nyttjades" or "placeringar nyttjades" => ("nyttjade", upTo.Sum(p => p.Use?.PlacesUsed ?? 0), "nyttjade platser"),
                    _ => ("deltagare", upTo.Sum(p => p.Use?.Participants ?? 0), "deltagare i placeringarna"),
                };
                if (stated == computed)
                    continue;
                list.Add(new($"narrative-{field}-{Slug(name)}", $"Insatsens text: {name}", field, stated, computed,
                    $"Insatsens text \"{name}\" anger {m.Value.Trim()} men de registrerade placeringarna ger {computed} {label}; differens {stated - computed}.", date));
            }
        }
        return list;
    }

    private static string Slug(string name) => Regex.Replace(name.ToLowerInvariant(), @"[^a-zåäö0-9]+", "-").Trim('-');
}
