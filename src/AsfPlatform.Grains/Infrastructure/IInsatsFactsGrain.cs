using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Grains.Infrastructure;

/// <summary>What other grains ask of an insats: its facts for plans and the data-quality check.</summary>
[Alias("asf.IInsatsFactsGrain")]
public interface IInsatsFactsGrain : IFactSourceGrain
{
    /// <summary>The stated totals and the observations of this insats' facts.</summary>
    Task<QualityInputs> GetQualityInputs();

    /// <summary>A plan year of this insats declares whether it reads the insats' facts.</summary>
    Task RegisterPlan(int year, bool readsInsatsFacts);
}

/// <summary>The stated totals of an insats and the observations of its facts, to compare them.</summary>
[GenerateSerializer, Immutable, Alias("asf.QualityInputs")]
public sealed record QualityInputs(IReadOnlyList<StatedTotal> Stated, IReadOnlyList<Observation> Observations);
