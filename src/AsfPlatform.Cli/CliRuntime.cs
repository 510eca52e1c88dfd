using AsfPlatform.Composition;
using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using AsfPlatform.Reporting;
using AsfPlatform.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Cli;

/// <summary>
/// The grain runtime, ADO.NET storage, access module and reporting of one asf run on the resolved database, through
/// the composition root the web host uses too (<see cref="AsfPlatformComposition"/>), so both read and write the
/// same rows. Starting it migrates the storage schema; disposing it deactivates the grains gracefully.
/// </summary>
internal sealed class CliRuntime : IAsyncDisposable
{
    private readonly IHost _host;

    private CliRuntime(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Starts the runtime on <paramref name="storage"/>. <paramref name="catalog"/> (already loaded, so plugins load
    /// once) and <paramref name="reporting"/> are only needed by commands that run reports.
    /// </summary>
    public static async Task<CliRuntime> StartAsync(AsfStorage storage, ReportCatalog? catalog, ReportingOptions? reporting,
        CancellationToken cancellationToken)
    {
        // No default configuration sources or log providers: the CLI's output is its own, not the runtime's logs.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Registered before the composition so the reporting registration (TryAdd) keeps this already-loaded catalog.
        if (catalog is not null)
            builder.Services.AddSingleton(catalog);
        builder.AddAsfPlatform(o =>
        {
            o.Storage = storage;
            o.ConfigureReporting = r => CopyTo(reporting ?? new ReportingOptions { ScanApplicationDirectory = false }, r);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            host.Dispose();
            throw CliException.Failure($"Databasen kunde inte öppnas: {storage.Describe()}. {ex.GetBaseException().Message}", ex);
        }
        return new CliRuntime(host);
    }

    /// <summary>The owners of the embedded dataset.</summary>
    public static IReadOnlyList<string> DatasetOwners { get; } = DatasetSource.Embedded.Files
        .Where(f => f.EndsWith("/owner.json", StringComparison.Ordinal))
        .Select(f => DatasetSource.Embedded.Read<OwnerFile>(f).Id)
        .ToList();

    /// <summary>The dataset's owners that are in the database.</summary>
    public async Task<IReadOnlyList<string>> LoadedDatasetOwnersAsync()
    {
        var loaded = new List<string>();
        foreach (var owner in DatasetOwners)
            if ((await Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner)).GetSnapshot()).Exists)
                loaded.Add(owner);
        return loaded;
    }

    /// <summary>Loads the embedded dataset; idempotent.</summary>
    public Task<DatasetLoadResult> LoadDatasetAsync(DatasetSource? source, CancellationToken cancellationToken) =>
        new DatasetLoader(Grains).LoadAsync(source ?? DatasetSource.Embedded, cancellationToken);

    /// <summary>
    /// Loads the embedded dataset when none of its owners is in the database yet (a new, empty database), and says
    /// so. A database that already holds the dataset is left alone, so edits made since are never overwritten.
    /// </summary>
    public async Task EnsureDatasetAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        if ((await LoadedDatasetOwnersAsync()).Count > 0)
            return;
        environment.Out.WriteLine("Databasen är tom: läser in exempeldatamängden först (en gång).");
        var result = await LoadDatasetAsync(null, cancellationToken);
        environment.Out.WriteLine($"Datamängden är inläst ({string.Join(", ", result.Owners)}).");
    }

    /// <summary>Checks that the owner (and insats, municipality when given) exist; else a Swedish error naming the option.</summary>
    public async Task<OwnerSnapshot> RequireAsync(string ownerId, string? insatsId, string? kommunkod)
    {
        var owner = await Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId)).GetSnapshot();
        if (!owner.Exists)
        {
            var known = await LoadedDatasetOwnersAsync();
            throw CliException.Option("--owner", $"ägaren \"{ownerId}\" finns inte i databasen." +
                (known.Count > 0 ? $" Kända ägare: {string.Join(", ", known)}." : ""));
        }
        if (insatsId is not null && !owner.Insatser.Contains(insatsId, StringComparer.Ordinal))
            throw CliException.Option("--insats", $"insatsen \"{insatsId}\" finns inte hos \"{ownerId}\". " +
                $"Insatser: {(owner.Insatser.Count == 0 ? "(inga)" : string.Join(", ", owner.Insatser))}.");
        if (kommunkod is not null && !owner.Municipalities.Contains(kommunkod, StringComparer.Ordinal))
            throw CliException.Option("--municipality", $"kommunkoden {kommunkod} finns inte hos \"{ownerId}\". " +
                $"Kommuner: {(owner.Municipalities.Count == 0 ? "(inga)" : string.Join(", ", owner.Municipalities))}.");
        return owner;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static void CopyTo(ReportingOptions from, ReportingOptions to)
    {
        foreach (var assembly in from.BuiltInAssemblies)
            to.BuiltInAssemblies.Add(assembly);
        to.ScanApplicationDirectory = from.ScanApplicationDirectory;
        to.ApplicationDirectory = from.ApplicationDirectory;
        to.PluginDirectory = from.PluginDirectory;
        to.RenderTimeout = from.RenderTimeout;
    }
}
