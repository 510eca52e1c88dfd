using System.Net;
using AsfPlatform.Grains;
using AsfPlatform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Providers;
using Orleans.Storage;

namespace AsfPlatform.Composition.Orleans;

/// <summary>
/// How a silo or a client of the platform joins its cluster. On SQLite (the embedded default) there is one silo with
/// localhost clustering: Orleans' ADO.NET clustering has no SQLite support, and two silos must never serve one SQLite
/// file. On PostgreSQL every host given the same connection string joins one cluster through ADO.NET clustering, so
/// each grain has one activation across all hosts.
/// </summary>
public static class AsfCluster
{
    /// <summary>Cluster and service id: the service id is part of every stored row's key, so it never changes.</summary>
    public const string ServiceId = "asf";

    /// <summary>The grain storage every grain uses (Orleans' default provider name).</summary>
    public const string StorageName = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;

    private const string AdoNetStorageName = "asf-adonet";

    /// <summary>Configuration key of the silo-to-silo port (default 11111).</summary>
    public const string SiloPortKey = "Orleans:SiloPort";

    /// <summary>Configuration key of the gateway port clients (the asf command) connect to (default 30000).</summary>
    public const string GatewayPortKey = "Orleans:GatewayPort";

    /// <summary>The silo port from configuration.</summary>
    public static int SiloPort(IConfiguration configuration) => configuration.GetValue(SiloPortKey, EndpointOptions.DEFAULT_SILO_PORT);

    /// <summary>The gateway port from configuration.</summary>
    public static int GatewayPort(IConfiguration configuration) => configuration.GetValue(GatewayPortKey, EndpointOptions.DEFAULT_GATEWAY_PORT);

    /// <summary>Clustering, endpoints, schema and grain storage of a platform silo on <paramref name="storage"/>.</summary>
    public static ISiloBuilder UseAsfCluster(this ISiloBuilder silo, AsfStorage storage, IConfiguration configuration)
    {
        var (siloPort, gatewayPort) = (SiloPort(configuration), GatewayPort(configuration));
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ServiceId, ServiceId));
        if (storage.IsPostgres)
        {
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (storage.OrleansInvariant, storage.ConnectionString));
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primarySiloEndpoint: null, serviceId: ServiceId, clusterId: ServiceId);
        }

        return silo.UseAsfStorage(storage, configuration.GetValue("Storage:SqliteGroupCommit", true));
    }

    /// <summary>
    /// The platform's grain storage on <paramref name="storage"/>: the schema created or upgraded at silo start,
    /// Orleans' ADO.NET provider with the platform's queries (PostgreSQL) or the group-commit storage (SQLite), readable System.Text.Json state, and each write handed a
    /// deep copy of the state (<see cref="SnapshotGrainStorage"/>), and the grain state of a database written before
    /// Orleans carried over on first start (<see cref="LegacyGrainStateMigration"/>). Test clusters call this with
    /// clustering of their own.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="storage">The database.</param>
    /// <param name="sqliteGroupCommit">On SQLite, the group-commit storage (<see cref="SqliteGroupCommitGrainStorage"/>);
    /// false uses Orleans' ADO.NET provider there too (configuration <c>Storage:SqliteGroupCommit</c>, for measuring).</param>
    public static ISiloBuilder UseAsfStorage(this ISiloBuilder silo, AsfStorage storage, bool sqliteGroupCommit = true)
    {
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SchemaInitializer(storage));
        silo.Services.AddSingleton(new StorageDescription(storage.Describe()));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new LegacyMigrationStep(storage, AdoNetStorageName, sp));
        silo.UseSystemTextJsonGrainStorageSerializer();
        // Readable in the database: Swedish letters as they are, not \u00E4 escapes (the text never reaches HTML from here).
        silo.Services.Configure<global::Orleans.Serialization.SystemTextJsonGrainStorageSerializerOptions>(o =>
            o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        if (!storage.IsPostgres && sqliteGroupCommit)
        {
            // SQLite has one writer: the platform's group-commit storage commits many grains' writes at once.
            silo.Services.AddGrainStorage(AdoNetStorageName, (sp, _) => new SqliteGroupCommitGrainStorage(storage.ConnectionString,
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, sp.GetRequiredService<IGrainStorageSerializer>()));
        }
        else
        {
            silo.AddAdoNetGrainStorage(AdoNetStorageName, o =>
            {
                o.Invariant = storage.OrleansInvariant;
                // SQLite (only when group commit is switched off, to measure): connections queue in order inside the
                // process and wait on a locked database inside SQLite, instead of Microsoft.Data.Sqlite's 150 ms sleeps.
                if (!storage.IsPostgres)
                    o.DataSource = new SqliteBusyTimeoutDataSource(storage.ConnectionString, oneConnectionAtATime: true);
                else
                    o.ConnectionString = storage.ConnectionString;
            });
        }
        // The group-commit storage serializes a write when it is asked for, so only Orleans' provider (which serializes
        // after its first await) needs to be handed a copy of the state.
        silo.Services.AddGrainStorage(StorageName, (sp, _) => !storage.IsPostgres && sqliteGroupCommit
            ? sp.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName)
            : new SnapshotGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName), sp.GetRequiredService<global::Orleans.Serialization.DeepCopier>()));
        return silo;
    }

    /// <summary>A client of the platform's cluster: the localhost gateway on SQLite, the PostgreSQL membership otherwise.</summary>
    public static IClientBuilder UseAsfCluster(this IClientBuilder client, AsfStorage storage, IConfiguration configuration)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ServiceId, ServiceId));
        if (storage.IsPostgres)
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (storage.OrleansInvariant, storage.ConnectionString));
        else
            client.UseLocalhostClustering(GatewayPort(configuration), serviceId: ServiceId, clusterId: ServiceId);
        return client;
    }
}
