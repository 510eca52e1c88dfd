using AsfPlatform.Storage;
using Orleans;
using Orleans.Runtime;

namespace AsfPlatform.Composition.Orleans;

/// <summary>
/// Creates or upgrades the tables Orleans' ADO.NET providers read (and their queries) before anything in the silo
/// opens them: the first stage of the silo's lifecycle, so the README's run command is the whole set-up.
/// </summary>
internal sealed class SchemaInitializer(AsfStorage storage) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.First,
            cancellationToken => OrleansSchema.EnsureAsync(storage.OrleansInvariant, storage.ConnectionString, cancellationToken));
}
