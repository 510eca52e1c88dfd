using AsfPlatform.Reporting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the reporting services.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReportCatalog"/>, <see cref="ReportRunner"/>, <see cref="PdfConverter"/> and a default
    /// <see cref="IReportContextFactory"/> (register your own before or after to supply data).
    /// </summary>
    public static IServiceCollection AddAsfReporting(this IServiceCollection services, Action<ReportingOptions>? configure = null, Action<PdfConverterOptions>? configurePdf = null)
    {
        var options = services.AddOptions<ReportingOptions>();
        if (configure is not null)
            options.Configure(configure);
        var pdf = services.AddOptions<PdfConverterOptions>();
        if (configurePdf is not null)
            pdf.Configure(configurePdf);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportContextFactory, ArgumentsOnlyReportContextFactory>();
        services.TryAddSingleton<ReportCatalog>();
        services.TryAddSingleton<ReportRunner>();
        services.TryAddSingleton<PdfConverter>();
        return services;
    }
}
