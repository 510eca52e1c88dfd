using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Grains.Infrastructure;

/// <summary>
/// A grain whose facts feed indicators (company, municipality, insats). Plans read it once, when they are created or
/// change what they read; after that the source pushes its changes (<see cref="IPlanFactsGrain"/>).
/// Grain-to-grain only: the web host never references this interface.
/// </summary>
[Alias("asf.IFactSourceGrain")]
public interface IFactSourceGrain : IGrainWithStringKey
{
    /// <summary>What this grain's facts contribute to indicators now.</summary>
    Task<IReadOnlyList<Observation>> GetObservations();
}
