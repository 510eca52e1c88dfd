namespace AsfPlatform.Reporting;

/// <summary>The cover page, which also supplies the document properties (title, author) and the page header.</summary>
/// <param name="Title">The document title, e.g. "Handlingsplan 2017".</param>
/// <param name="Subtitle">A line under the title, e.g. the insats name.</param>
/// <param name="Owner">The owning organisation; written on the cover, in the header and as the author.</param>
/// <param name="Period">The period covered, e.g. "2017-01-01 – 2017-12-31".</param>
/// <param name="Date">
/// The date the content is valid at: a plan's decision date, a report's as-of date. Null leaves the line out; the
/// printing date is never used in its place but always written on its own line, "Utskriven 2021-03-01".
/// </param>
/// <param name="Version">A version label, e.g. "1.0".</param>
/// <param name="DateLabel">What <paramref name="Date"/> is called on the cover, e.g. "Läget per" when it is not the document's own date.</param>
public sealed record CoverPage(
    string Title,
    string? Subtitle = null,
    string? Owner = null,
    string? Period = null,
    DateOnly? Date = null,
    string? Version = null,
    string DateLabel = "Datum");
