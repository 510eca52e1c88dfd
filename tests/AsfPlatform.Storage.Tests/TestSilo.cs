using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AsfPlatform.Storage.Tests;

/// <summary>Where a test silo keeps grain state.</summary>
/// <param name="Invariant">One of <see cref="AdoNetInvariants"/>.</param>
/// <param name="ConnectionString">The database.</param>
/// <param name="DeleteStateOnClear">Orleans' option: clearing deletes the row instead of emptying it.</param>
/// <param name="OneConnectionAtATime">SQLite only: <see cref="SqliteBusyTimeoutDataSource"/>'s line of connections.</param>
public sealed record StorageTarget(string Invariant, string ConnectionString, bool DeleteStateOnClear = false, bool OneConnectionAtATime = false);

/// <summary>A real Orleans silo in a generic host, with the <c>asf</c> ADO.NET grain storage and System.Text.Json
/// state serialization.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a single silo with localhost clustering.</summary>
    public static Task<TestSilo> StartAsync(StorageTarget storage, string serviceId)
        => StartAsync(storage, silo => silo.UseLocalhostClustering(FreePort(), FreePort(), null, serviceId, "test-cluster"));

    /// <summary>Starts a silo; <paramref name="clustering"/> sets membership, endpoints and cluster ids.</summary>
    public static async Task<TestSilo> StartAsync(StorageTarget storage, Action<ISiloBuilder> clustering)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.UseOrleans(silo =>
        {
            clustering(silo);
            silo.AddAdoNetGrainStorage("asf", o =>
            {
                o.Invariant = storage.Invariant;
                o.DeleteStateOnClear = storage.DeleteStateOnClear;
                if (storage.Invariant == AdoNetInvariants.Sqlite)
                {
                    o.DataSource = new SqliteBusyTimeoutDataSource(storage.ConnectionString, oneConnectionAtATime: storage.OneConnectionAtATime);
                }
                else
                {
                    o.ConnectionString = storage.ConnectionString;
                }
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host);
    }

    /// <summary>A free loopback TCP port (for silo and gateway endpoints).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the silo gracefully: grains deactivate, the host shuts down.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
