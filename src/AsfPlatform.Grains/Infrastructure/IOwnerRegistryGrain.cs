using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Grains.Infrastructure;

/// <summary>
/// The owner directory as the other grains see it: grains enlist so they can be listed, plans declare the sources
/// they read, and sources ask which plans to push to.
/// </summary>
[Alias("asf.IOwnerRegistryGrain")]
public interface IOwnerRegistryGrain : IGrainWithStringKey
{
    /// <summary>A grain of this owner announces itself so it can be listed.</summary>
    Task Enlist(DirectoryEntryKind kind, string id);

    /// <summary>A municipality is placed in one of the owner's subregions (or none): enlisted, and its place kept.</summary>
    Task Place(string kommunkod, string? subregion);

    /// <summary>Kommunkod → subregion id of the municipalities placed in a subregion.</summary>
    [ReadOnly]
    Task<Dictionary<string, string>> GetPlacements();

    /// <summary>A grain of this owner leaves the lists (a municipality the owner no longer works with).</summary>
    Task Delist(DirectoryEntryKind kind, string id);

    /// <summary>A plan declares the sources its indicators read (replacing earlier declarations).</summary>
    Task Subscribe(string planKey, IReadOnlyList<MetricSource> sources);

    /// <summary>The plans that read a source (so a source pushes only to them).</summary>
    Task<IReadOnlyList<string>> GetSubscribers(MetricSource source);

    /// <summary>The observations of all surveys (a plan reads them once when it is created).</summary>
    Task<IReadOnlyList<Observation>> GetSurveyObservations();
}

/// <summary>What kind of grain enlists in the directory.</summary>
[GenerateSerializer, Alias("asf.DirectoryEntryKind")]
public enum DirectoryEntryKind
{
    /// <summary>A municipality grain (id = kommunkod).</summary>
    Municipality,
    /// <summary>A company grain (id = company id).</summary>
    Company,
    /// <summary>An insats grain (id = insats id).</summary>
    Insats,
    /// <summary>A yearly plan grain (id = plan key).</summary>
    Plan,
}
