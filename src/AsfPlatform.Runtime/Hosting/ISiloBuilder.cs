using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Runtime.Hosting;

/// <summary>Configures a host of the grain runtime (Orleans' <c>ISiloBuilder</c>).</summary>
public interface ISiloBuilder
{
    /// <summary>The host's services; storage providers and grains are registered here.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }
}
