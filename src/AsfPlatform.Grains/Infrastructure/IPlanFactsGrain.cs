using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Grains.Infrastructure;

/// <summary>The receiving side of a yearly plan: sources push the observations of the one fact that changed.</summary>
[Alias("asf.IPlanFactsGrain")]
public interface IPlanFactsGrain : IGrainWithStringKey
{
    /// <summary>
    /// A source pushes what it now contributes; cost is proportional to the update. Pushes interleave so that those
    /// arriving while the plan's state is being written share the next write (group commit); each returns once a
    /// write including it is durable.
    /// </summary>
    [AlwaysInterleave]
    Task ApplyObservations(ObservationUpdate update);
}

/// <summary>The observations one or more sources now contribute; they replace what the plan held for those sources.</summary>
[GenerateSerializer, Immutable, Alias("asf.ObservationUpdate")]
public sealed record ObservationUpdate(IReadOnlyList<string> SourceIds, IReadOnlyList<Observation> Observations);
