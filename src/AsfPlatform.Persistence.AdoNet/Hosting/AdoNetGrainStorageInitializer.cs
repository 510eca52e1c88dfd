using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Persistence.AdoNet.Hosting;

/// <summary>Migrates a storage's schema when the host starts, so a database problem stops start-up with a clear
/// error instead of failing the first grain call.</summary>
internal sealed class AdoNetGrainStorageInitializer(AdoNetGrainStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
