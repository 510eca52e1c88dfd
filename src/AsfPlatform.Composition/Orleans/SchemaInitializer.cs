using AsfPlatform.Access;
using AsfPlatform.Storage;
using Orleans;
using Orleans.Runtime;

namespace AsfPlatform.Composition.Orleans;

/// <summary>
/// Creates or upgrades the tables Orleans' ADO.NET providers read (and their queries) before anything in the silo
/// opens them: the first stage of the silo's lifecycle, so the README's run command is the whole set-up. The audit
/// log is created here too: every grain write may insert the audit notes its state carries (docs/adr/0004-audit-outbox.md).
/// </summary>
internal sealed class SchemaInitializer(AsfStorage storage) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.First, async cancellationToken =>
        {
            await OrleansSchema.EnsureAsync(storage.OrleansInvariant, storage.ConnectionString, cancellationToken);
            await AuditLogSchema.EnsureAsync(storage.IsPostgres, storage.ConnectionString, cancellationToken);
        });
}
