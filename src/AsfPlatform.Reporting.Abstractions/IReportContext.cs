using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Reporting;

/// <summary>
/// Everything a plugin may read while rendering: the arguments, the generation time and snapshots of the data
/// the arguments select. The host builds it before the plugin runs; it is a read-only snapshot, so a plugin can
/// neither change data nor see later writes. Members a run did not ask for are null or empty.
/// </summary>
public interface IReportContext
{
    /// <summary>The arguments the user gave (validated against the plugin's declared parameters).</summary>
    ReportArguments Arguments { get; }

    /// <summary>When the report is generated. Use this rather than the clock so output is reproducible.</summary>
    DateTimeOffset GeneratedAt { get; }

    /// <summary>The date figures are evaluated at: the as-of argument, else the end of the year argument, else the generation date.</summary>
    DateOnly AsOf => Arguments.AsOfDate
        ?? (Arguments.Year is { } year ? new DateOnly(year, 12, 31) : DateOnly.FromDateTime(SwedishFormat.ToSwedishTime(GeneratedAt).DateTime));

    /// <summary>The owning association, when an owner was given.</summary>
    OwnerSnapshot? Owner => null;

    /// <summary>The insats, when one was given.</summary>
    InsatsSnapshot? Insats => null;

    /// <summary>The yearly plan for the insats and year, when both were given.</summary>
    PlanSnapshot? Plan => null;

    /// <summary>Indicator values of <see cref="Plan"/> evaluated as of <see cref="AsOf"/>.</summary>
    IReadOnlyList<IndicatorEvaluation> Indicators => [];

    /// <summary>Every yearly plan of the insats, oldest first (for final and multi-year reports).</summary>
    IReadOnlyList<PlanSnapshot> Plans => [];

    /// <summary>The insats's information events in the report period.</summary>
    IReadOnlyList<InformationEvent> Events => [];

    /// <summary>The insats's placements (counts only; never personal data).</summary>
    IReadOnlyList<Placement> Placements => [];

    /// <summary>The owner's municipalities (only the selected one when a municipality was given).</summary>
    IReadOnlyList<MunicipalitySnapshot> Municipalities => [];

    /// <summary>The owner's companies (only those in the selected municipality when one was given).</summary>
    IReadOnlyList<CompanySnapshot> Companies => [];

    /// <summary>The owner's county surveys with their data-quality findings.</summary>
    IReadOnlyList<SurveySnapshot> Surveys => [];

    /// <summary>Data-quality findings for the owner/insats, e.g. stated totals that differ from their parts.</summary>
    IReadOnlyList<DataQualityFinding> Findings => [];
}
