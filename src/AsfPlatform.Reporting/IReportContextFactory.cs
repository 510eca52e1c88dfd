using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Reporting;

/// <summary>
/// Builds the read-only snapshot a plugin renders from. The host registers one that reads its grains; the
/// default gives plugins the arguments and generation time only.
/// </summary>
public interface IReportContextFactory
{
    /// <summary>Creates the context for one run.</summary>
    ValueTask<IReportContext> CreateAsync(ReportArguments arguments, DateTimeOffset generatedAt, CancellationToken cancellationToken);
}

/// <summary>The context implementation factories fill in; unset data members stay null or empty.</summary>
public sealed record ReportContext(ReportArguments Arguments, DateTimeOffset GeneratedAt) : IReportContext
{
    /// <inheritdoc />
    public OwnerSnapshot? Owner { get; init; }

    /// <inheritdoc />
    public InsatsSnapshot? Insats { get; init; }

    /// <inheritdoc />
    public PlanSnapshot? Plan { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<IndicatorEvaluation> Indicators { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<PlanSnapshot> Plans { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<InformationEvent> Events { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<Placement> Placements { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<MunicipalitySnapshot> Municipalities { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<CompanySnapshot> Companies { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<SurveySnapshot> Surveys { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<DataQualityFinding> Findings { get; init; } = [];
}

/// <summary>The default factory: no data beyond the arguments.</summary>
public sealed class ArgumentsOnlyReportContextFactory : IReportContextFactory
{
    /// <inheritdoc />
    public ValueTask<IReportContext> CreateAsync(ReportArguments arguments, DateTimeOffset generatedAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReportContext>(new ReportContext(arguments, generatedAt));
}
