using AsfPlatform.Composition;
using AsfPlatform.Contracts;
using AsfPlatform.Dataset;
using AsfPlatform.Composition.Orleans;
using AsfPlatform.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Cli;

/// <summary>
/// The cluster, access module and reporting of one asf run on the resolved database, through the composition root the
/// web host uses too (<see cref="AsfPlatformComposition"/>), so both read and write the same rows. When a host of that
/// database is running, the run joins its cluster as an Orleans client (its grain calls go to the host's silo, so the
/// host never keeps state older than what the command wrote); otherwise it runs a silo of its own on the configured
/// ports, which also keeps a host from starting beside it on the same SQLite file. Disposing it stops the client, or
/// deactivates the grains gracefully.
/// </summary>
internal sealed class CliRuntime : IAsyncDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(10);

    private readonly IHost _host;

    private CliRuntime(IHost host, bool joined) => (_host, JoinedRunningHost) = (host, joined);

    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Whether this run joined a running host's cluster (rather than running a silo of its own).</summary>
    public bool JoinedRunningHost { get; }

    /// <summary>
    /// Joins the running cluster of <paramref name="storage"/>, or starts a silo on it. <paramref name="catalog"/>
    /// (already loaded, so plugins load once) and <paramref name="reporting"/> are only needed by commands that run reports.
    /// </summary>
    public static async Task<CliRuntime> StartAsync(AsfStorage storage, CliEnvironment environment, ReportCatalog? catalog,
        ReportingOptions? reporting, CancellationToken cancellationToken)
    {
        if (await HostIsListeningAsync(storage, environment.Configuration, cancellationToken))
        {
            var joined = await StartAsync(storage, environment, catalog, reporting, client: true, cancellationToken);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(JoinTimeout);
                var theirs = await joined.Grains.GetGrain<IHealthProbeGrain>("asf").DescribeStorageAsync().WaitAsync(timeout.Token);
                if (theirs != storage.Describe())
                    throw CliException.Failure($"En webbplats körs redan på port {AsfCluster.GatewayPort(environment.Configuration)} men mot en annan " +
                        $"databas ({theirs}). Stoppa den, eller ange samma databas som den ({storage.Describe()} begärdes).");
                environment.Out.WriteLine($"Ansluten till den körande webbplatsen (port {AsfCluster.GatewayPort(environment.Configuration)}).");
                return joined;
            }
            catch
            {
                await joined.DisposeAsync();
                throw;
            }
        }
        return await StartAsync(storage, environment, catalog, reporting, client: false, cancellationToken);
    }

    private static async Task<CliRuntime> StartAsync(AsfStorage storage, CliEnvironment environment, ReportCatalog? catalog,
        ReportingOptions? reporting, bool client, CancellationToken cancellationToken)
    {
        // No default configuration sources or log providers: the CLI's output is its own, not the runtime's logs.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(environment.Configuration);
        // Registered before the composition so the reporting registration (TryAdd) keeps this already-loaded catalog.
        if (catalog is not null)
            builder.Services.AddSingleton(catalog);
        void Configure(AsfPlatformOptions o)
        {
            o.Storage = storage;
            o.ConfigureReporting = r => CopyTo(reporting ?? new ReportingOptions { ScanApplicationDirectory = false }, r);
        }
        if (client)
            builder.AddAsfPlatformClient(Configure);
        else
            builder.AddAsfPlatform(Configure);

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            host.Dispose();
            var reason = ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
                ? $"porten {AsfCluster.SiloPort(environment.Configuration)} eller {AsfCluster.GatewayPort(environment.Configuration)} används redan av ett annat program."
                : ex.GetBaseException().Message;
            throw CliException.Failure($"Databasen kunde inte öppnas: {storage.Describe()}. {reason}", ex);
        }
        return new CliRuntime(host, client);
    }

    /// <summary>
    /// Whether a host of this database can be joined: on SQLite, something answers on the localhost gateway port (a
    /// refused connection answers at once); on PostgreSQL, the membership table names a live silo.
    /// </summary>
    private static async Task<bool> HostIsListeningAsync(AsfStorage storage, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (storage.IsPostgres)
            return await ClusterMembership.HasLiveSiloAsync(storage, cancellationToken);
        using var socket = new System.Net.Sockets.TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, AsfCluster.GatewayPort(configuration), timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
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
