using AsfPlatform.Dataset;
using Orleans;

namespace AsfPlatform.Host.Configuration;

/// <summary>
/// Loads the sample dataset on start unless <c>Dataset:LoadOnStart</c> is false. Every command of the loader is an
/// upsert with stable ids, so a second start changes nothing; it runs before the host takes requests, so the first
/// page already shows the data.
/// </summary>
internal sealed class DatasetStartupLoader(IConfiguration configuration, IGrainFactory grains, ILogger<DatasetStartupLoader> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Dataset:LoadOnStart", true))
            return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await new DatasetLoader(grains).LoadAsync(DatasetSource.Embedded, cancellationToken);
        logger.LogInformation("Dataset loaded for {Owners}: {Commands} commands, {Changes} changes in {Elapsed} ms",
            string.Join(", ", result.Owners), result.Commands, result.Changes, started.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
