namespace AsfPlatform.Reporting;

/// <summary>The cover page, which also supplies the document properties (title, author) and the page header.</summary>
/// <param name="Title">The document title, e.g. "Handlingsplan 2017".</param>
/// <param name="Subtitle">A line under the title, e.g. the insats name.</param>
/// <param name="Owner">The owning organisation; written on the cover, in the header and as the author.</param>
/// <param name="Period">The period covered, e.g. "2017-01-01 – 2017-12-31".</param>
/// <param name="Date">The document date.</param>
/// <param name="Version">A version label, e.g. "1.0".</param>
public sealed record CoverPage(
    string Title,
    string? Subtitle = null,
    string? Owner = null,
    string? Period = null,
    DateOnly? Date = null,
    string? Version = null);
