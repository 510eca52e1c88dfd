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

/// <summary>A context carrying only the arguments and generation time.</summary>
public sealed record ReportContext(ReportArguments Arguments, DateTimeOffset GeneratedAt) : IReportContext;

/// <summary>The default factory: no data beyond the arguments.</summary>
public sealed class ArgumentsOnlyReportContextFactory : IReportContextFactory
{
    /// <inheritdoc />
    public ValueTask<IReportContext> CreateAsync(ReportArguments arguments, DateTimeOffset generatedAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReportContext>(new ReportContext(arguments, generatedAt));
}
