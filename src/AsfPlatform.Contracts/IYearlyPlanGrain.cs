using AsfPlatform.Domain.Indicators;


namespace AsfPlatform.Contracts;

/// <summary>
/// One per insats and year (key: <see cref="GrainKeys.Plan"/>). Holds the plan content and the observations its
/// indicators need, kept current by pushes from the sources, so indicator values are live and can be evaluated as
/// of any date.
/// </summary>
[Alias("asf.IYearlyPlanGrain")]
public interface IYearlyPlanGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the plan content; on creation it reads the facts its indicators need once.</summary>
    Task<PlanSnapshot> Save(SavePlan command);

    /// <summary>Creates the plan (the year must lie in the insats' period); fails with
    /// <see cref="AlreadyExistsException"/> when it exists.</summary>
    Task<PlanSnapshot> Create(CreatePlan command);

    /// <summary>Marks an activity done (done activities are not copied to next year's plan).</summary>
    Task<PlanSnapshot> SetActivityDone(SetActivityDone command);

    /// <summary>The plan with its live indicator values.</summary>
    Task<PlanSnapshot> GetSnapshot();

    /// <summary>The indicators evaluated as of <paramref name="asOf"/> (half-year and final reports).</summary>
    Task<IReadOnlyList<IndicatorEvaluation>> Evaluate(DateOnly asOf);

    /// <summary>
    /// Creates next year's plan with this year's sections, goals, indicators and unfinished activities, the
    /// indicators starting from this year's outcome (see <c>CopyForward</c>); returns it. Fails if next year's plan
    /// already exists.
    /// </summary>
    Task<PlanSnapshot> CreateNextYear(AuditNote? audit = null);

    /// <summary>Re-reads every fact the indicators need from the sources (repair; normally never needed).</summary>
    Task<PlanSnapshot> Rebuild();

    /// <summary>Subscribes an observer to live indicator updates.</summary>
    Task Subscribe(IPlanObserver observer);

    /// <summary>Unsubscribes an observer.</summary>
    Task Unsubscribe(IPlanObserver observer);
}
