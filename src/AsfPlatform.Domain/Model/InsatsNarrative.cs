namespace AsfPlatform.Domain.Model;

/// <summary>
/// The insats' own texts, as its board reads them in the final report: the assignment (the activity, its main
/// activities and staffing), the background, the individual track's summary and lessons, the structural track's
/// summary, the analysis and the conclusions, and one narrative per year of the structural track. Stored text (see
/// <c>StoredText</c>): blank lines separate paragraphs, "- " starts a list item. Null or empty means nothing was written.
/// Figures are never typed here when the platform computes them (surveys, placements): the report adds those.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.InsatsNarrative")]
public sealed record InsatsNarrative(
    string? Assignment = null,
    string? Background = null,
    string? IndividualTrack = null,
    string? Lessons = null,
    string? StructuralSummary = null,
    string? Analysis = null,
    string? Conclusions = null,
    IReadOnlyList<YearNarrative>? Years = null)
{
    /// <summary>The narrative of <paramref name="year"/>, or null when none was written.</summary>
    public string? Year(int year) => Years?.FirstOrDefault(y => y.Year == year)?.Text is { Length: > 0 } text ? text : null;
}

/// <summary>What the insats did in one year of its structural track, in its own words.</summary>
[GenerateSerializer, Immutable, Alias("asf.YearNarrative")]
public sealed record YearNarrative(int Year, string Text);
