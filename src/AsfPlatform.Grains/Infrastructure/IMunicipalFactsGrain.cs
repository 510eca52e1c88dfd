using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Grains.Infrastructure;

/// <summary>
/// A municipality's own facts — its milestones: policies, guidelines, cooperation groups, support structures,
/// procurements, IOP — held once for every owner that works with the municipality (key:
/// <see cref="Contracts.GrainKeys.MunicipalFacts"/>). Owners reach it through their own municipality grain, which
/// joins when the owner adds the municipality. Grain-to-grain only: the web host never references this interface.
/// </summary>
[Alias("asf.IMunicipalFactsGrain")]
public interface IMunicipalFactsGrain : IGrainWithStringKey
{
    /// <summary>An owner's municipality grain joins: it hears of every later change made through another owner.</summary>
    Task<MunicipalFacts> Join(string owner);

    /// <summary>An owner no longer works with the municipality; its facts stay the municipality's.</summary>
    Task Leave(string owner);

    /// <summary>The facts now.</summary>
    [ReadOnly]
    Task<MunicipalFacts> Get();

    /// <summary>Records or replaces a milestone (by id); <paramref name="expectedVersion"/> as the facts' version.</summary>
    Task<MunicipalFacts> Record(MunicipalMilestone milestone, long? expectedVersion, string byOwner, AuditNote? audit = null);

    /// <summary>Removes a milestone by id.</summary>
    Task<MunicipalFacts> Remove(string milestoneId, long? expectedVersion, string byOwner, AuditNote? audit = null);

    /// <summary>
    /// Takes over milestones an owner's municipality grain held itself before facts were shared: those whose id the
    /// municipality does not have yet are added, the others left as they are.
    /// </summary>
    Task<MunicipalFacts> Adopt(IReadOnlyList<MunicipalMilestone> milestones, string byOwner);
}

/// <summary>An owner's municipality grain, as the shared facts tell it of a change made through another owner.</summary>
[Alias("asf.IMunicipalFactsListener")]
public interface IMunicipalFactsListener : IGrainWithStringKey
{
    /// <summary>
    /// The facts changed; the owner's plans are told. One-way: the facts grain never waits on an owner's grain, so two
    /// owners writing the same municipality at once cannot wait on each other.
    /// </summary>
    [OneWay]
    Task FactsChanged(MunicipalFacts facts);
}

/// <summary>A municipality's milestones in date order, and their version.</summary>
[GenerateSerializer, Immutable, Alias("asf.MunicipalFacts")]
public sealed record MunicipalFacts(IReadOnlyList<MunicipalMilestone> Milestones, long Version);
