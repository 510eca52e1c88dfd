using AsfPlatform.Contracts;
using AsfPlatform.Domain.Quality;
using Orleans;

namespace AsfPlatform.Reporting;

/// <summary>
/// Fills a report's context from the grains: the owner, its municipalities, companies and surveys; the insats with
/// all its yearly plans, events of the report period, placements and data-quality findings; and, when a year or an
/// as-of date is given, that year's plan with its indicators evaluated as of the report date. Reads snapshots only, so a plugin
/// sees one consistent picture and cannot change data.
/// </summary>
/// <remarks>
/// Unknown owners or insatser give a context without data rather than an error: the plugin decides how to say
/// "nothing recorded", in Swedish, inside the document.
/// </remarks>
public sealed class GrainReportContextFactory(IGrainFactory grains) : IReportContextFactory
{
    /// <inheritdoc />
    public async ValueTask<IReportContext> CreateAsync(ReportArguments arguments, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var context = new ReportContext(WithDefaultAsOf(arguments, generatedAt), generatedAt);
        arguments = context.Arguments;
        if (string.IsNullOrWhiteSpace(arguments.Owner))
            return context;
        var asOf = ((IReportContext)context).AsOf;
        var ownerId = arguments.Owner.Trim();
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId));
        var owner = await directory.GetSnapshot();
        if (!owner.Exists)
            return context;

        var municipalities = (await directory.GetMunicipalities())
            .Where(m => arguments.Municipality is not { } code || m.Kommunkod == code).ToList();
        var companies = (await directory.GetCompanies())
            .Where(c => arguments.Municipality is not { } code || c.Kommunkod == code).ToList();
        context = context with
        {
            Owner = owner,
            Municipalities = municipalities,
            Companies = companies,
            Surveys = await directory.GetSurveys(),
        };
        cancellationToken.ThrowIfCancellationRequested();

        if (string.IsNullOrWhiteSpace(arguments.Insats))
            return context with { Findings = KnownAt(await directory.GetDataQualityFindings(), asOf) };

        var insatsId = arguments.Insats.Trim();
        var insatsGrain = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(ownerId, insatsId));
        var insats = await insatsGrain.GetSnapshot();
        context = context with { Findings = KnownAt(await directory.GetDataQualityFindings(insatsId), asOf) };
        if (!insats.Exists)
            return context;

        var plans = new List<PlanSnapshot>();
        foreach (var year in insats.PlanYears.Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans.Add(await grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, insatsId, year)).GetSnapshot());
        }
        // Every plan's indicators as the reports show them (an indicator of active companies is not judged on registered ones).
        plans = [.. plans.Select(p => p with { Indicators = IndicatorMeaning.Apply(p.Content, p.Indicators) })];
        // A status report asked "as of a date" reads the plan of that date's year, evaluated at that date.
        var planYear = arguments.Year ?? arguments.AsOfDate?.Year;
        var plan = planYear is { } y ? plans.FirstOrDefault(p => p.Year == y && p.Exists) : null;
        var indicators = plan is null ? [] : IndicatorMeaning.Apply(plan.Content,
            await grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, insatsId, plan.Year)).Evaluate(asOf));

        // The report period: the year when one is given, else the whole insats; never beyond the report date.
        var from = arguments.Year is { } startYear ? new DateOnly(startYear, 1, 1) : insats.Insats!.PeriodStart;
        var to = arguments.Year is { } endYear ? new DateOnly(endYear, 12, 31) : insats.Insats!.PeriodEnd;
        if (asOf < to)
            to = asOf;
        var events = from <= to ? await insatsGrain.GetEvents(from, to) : [];
        cancellationToken.ThrowIfCancellationRequested();

        return context with
        {
            Insats = insats,
            Plans = plans,
            Plan = plan,
            Indicators = indicators,
            Events = events,
            Placements = await insatsGrain.GetPlacements(),
        };
    }

    /// <summary>A report as of a date lists only the findings about figures of that date or earlier.</summary>
    private static IReadOnlyList<DataQualityFinding> KnownAt(IReadOnlyList<DataQualityFinding> findings, DateOnly asOf) =>
        [.. findings.Where(f => f.KnownAt(asOf))];

    /// <summary>
    /// A report on a year that is still running is evaluated as of the generation date, not the year's end (which
    /// lies in the future and would show tomorrow's facts as missing): the as-of date is filled in so
    /// <see cref="IReportContext.AsOf"/> and the evaluated indicators say the same date.
    /// </summary>
    public static ReportArguments WithDefaultAsOf(ReportArguments arguments, DateTimeOffset generatedAt)
    {
        if (arguments.AsOfDate is not null || arguments.Year is not { } year)
            return arguments;
        var today = DateOnly.FromDateTime(SwedishFormat.ToSwedishTime(generatedAt).DateTime);
        return today < new DateOnly(year, 12, 31) ? arguments with { AsOfDate = today } : arguments;
    }
}
