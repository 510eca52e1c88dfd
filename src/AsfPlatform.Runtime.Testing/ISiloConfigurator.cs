using AsfPlatform.Runtime.Hosting;

namespace AsfPlatform.Runtime.Testing;

/// <summary>Configures every host of a test cluster (Orleans.TestingHost's <c>ISiloConfigurator</c>). Needs a
/// public parameterless constructor.</summary>
public interface ISiloConfigurator
{
    /// <summary>Registers grains, storage and options on one host.</summary>
    void Configure(ISiloBuilder siloBuilder);
}
