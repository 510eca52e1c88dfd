using AsfPlatform.Reporting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the context factory that reads the grains.</summary>
public static class GrainReportContextServiceCollectionExtensions
{
    /// <summary>
    /// Makes reports read their data from the grains (<see cref="GrainReportContextFactory"/>), replacing the
    /// arguments-only default whether <c>AddAsfReporting</c> was called before or after. Needs an
    /// <see cref="Orleans.IGrainFactory"/> (an Orleans silo or client) in the container.
    /// </summary>
    public static IServiceCollection AddGrainReportContext(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IReportContextFactory, GrainReportContextFactory>());
        return services;
    }
}
