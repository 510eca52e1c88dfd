

namespace AsfPlatform.Contracts;

/// <summary>Receives live indicator updates of a yearly plan (the web dashboard pushes them to browsers).</summary>
[Alias("asf.IPlanObserver")]
public interface IPlanObserver : IGrainObserver
{
    /// <summary>The plan's indicator values changed (a fact was recorded, or the plan was edited).</summary>
    [OneWay]
    Task IndicatorsChanged(PlanIndicatorsChanged change);
}
