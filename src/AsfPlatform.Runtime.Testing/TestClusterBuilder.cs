using AsfPlatform.Runtime.Hosting;

namespace AsfPlatform.Runtime.Testing;

/// <summary>Builds a <see cref="TestCluster"/> (Orleans.TestingHost's <c>TestClusterBuilder</c>).</summary>
public sealed class TestClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> _configurators = [];

    /// <summary>How many hosts <see cref="TestCluster.DeployAsync"/> starts.</summary>
    public int InitialSilosCount { get; set; } = 1;

    /// <summary>Adds configuration applied to every host, after the shared memory storage is registered as the
    /// default storage (so a configurator may register another "Default" storage, e.g. ADO.NET).</summary>
    public TestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        _configurators.Add(configure);
        return this;
    }

    /// <summary>Adds a configurator class applied to every host.</summary>
    public TestClusterBuilder AddSiloBuilderConfigurator<TConfigurator>() where TConfigurator : ISiloConfigurator, new() =>
        ConfigureSilo(silo => new TConfigurator().Configure(silo));

    /// <summary>Changes the runtime options of every host.</summary>
    public TestClusterBuilder ConfigureOptions(Action<GrainRuntimeOptions> configure) =>
        ConfigureSilo(silo => silo.Configure(configure));

    /// <summary>Creates the cluster without starting hosts; call <see cref="TestCluster.DeployAsync"/>.</summary>
    public TestCluster Build() => new(InitialSilosCount, [.. _configurators]);

    /// <summary>Creates the cluster and starts its initial hosts.</summary>
    public async Task<TestCluster> BuildAndDeployAsync()
    {
        var cluster = Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
