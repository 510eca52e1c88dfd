using AsfPlatform.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsfPlatform.Grains;

/// <summary>Registers the ASF grains with a host of the grain runtime.</summary>
public static class GrainsSiloBuilderExtensions
{
    /// <summary>Adds the municipality, company, insats, yearly plan and owner directory grains.</summary>
    public static ISiloBuilder AddAsfGrains(this ISiloBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder.AddGrains(typeof(YearlyPlanGrain).Assembly);
    }
}
