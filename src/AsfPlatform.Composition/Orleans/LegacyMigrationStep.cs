using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace AsfPlatform.Composition.Orleans;

/// <summary>
/// Runs <see cref="LegacyGrainStateMigration"/> on every silo start, between the storage providers' initialisation
/// (<see cref="ServiceLifecycleStage.ApplicationServices"/>, Orleans' ADO.NET storage default) and the silo joining
/// its cluster (<see cref="ServiceLifecycleStage.BecomeActive"/>): no grain is activated before the old state is in
/// place, and a database without the old table costs one query.
/// </summary>
internal sealed class LegacyMigrationStep(AsfStorage storage, string storageName, IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Right after the storage providers have initialised.</summary>
    public const int Stage = ServiceLifecycleStage.ApplicationServices + 1;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyMigrationStep), Stage, cancellationToken =>
            new LegacyGrainStateMigration(
                storage,
                services.GetRequiredKeyedService<IGrainStorage>(storageName),
                services.GetRequiredService<ILoggerFactory>().CreateLogger<LegacyGrainStateMigration>())
            .RunAsync(cancellationToken));
}
