using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace AsfPlatform.Grains;

/// <summary>What the ASF grains need from a silo beyond the grains themselves (Orleans finds those by code generation).</summary>
public static class GrainsSiloBuilderExtensions
{
    /// <summary>Adds the services the municipality, company, insats, yearly plan and owner directory grains use.</summary>
    public static ISiloBuilder AddAsfGrains(this ISiloBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
