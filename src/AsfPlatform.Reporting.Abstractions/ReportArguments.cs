namespace AsfPlatform.Reporting;

/// <summary>The values a user gave for a report run. Unset values are null.</summary>
/// <param name="Owner">The owning association's id or name.</param>
/// <param name="Insats">The insats id.</param>
/// <param name="Year">The plan/report year.</param>
/// <param name="Municipality">A four-digit kommunkod.</param>
/// <param name="AsOfDate">The evaluation date.</param>
public sealed record ReportArguments(
    string? Owner = null,
    string? Insats = null,
    int? Year = null,
    string? Municipality = null,
    DateOnly? AsOfDate = null)
{
    /// <summary>Whether a value for <paramref name="kind"/> was given.</summary>
    public bool Has(ReportParameterKind kind) => kind switch
    {
        ReportParameterKind.Owner => !string.IsNullOrWhiteSpace(Owner),
        ReportParameterKind.Insats => !string.IsNullOrWhiteSpace(Insats),
        ReportParameterKind.Year => Year is not null,
        ReportParameterKind.Municipality => !string.IsNullOrWhiteSpace(Municipality),
        ReportParameterKind.AsOfDate => AsOfDate is not null,
        _ => false,
    };
}
