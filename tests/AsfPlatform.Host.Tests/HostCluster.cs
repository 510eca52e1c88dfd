using System.Net.Http.Headers;
using System.Net.Http.Json;
using AsfPlatform.Contracts;
using AsfPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// A real host on a PostgreSQL database, with its own free silo and gateway ports: every such host given the same
/// database joins one Orleans cluster.
/// </summary>
public sealed class PostgresHostFactory : AsfHostFactory
{
    private readonly string _connectionString;
    private readonly bool _diesAbruptly;

    /// <param name="connectionString">The cluster's database.</param>
    /// <param name="loadDataset">Whether this host loads the sample dataset on start.</param>
    /// <param name="diesAbruptly">Disposing stops the host with no shutdown time, so its silo leaves without saying
    /// goodbye (as a killed process would), and grain calls give up after a few seconds instead of 30.</param>
    public PostgresHostFactory(string connectionString, bool loadDataset, bool diesAbruptly = false)
    {
        _connectionString = connectionString;
        _diesAbruptly = diesAbruptly;
        LoadDataset = loadDataset;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", "PostgreSql");
        builder.UseSetting("Storage:ConnectionString", _connectionString);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
            if (_diesAbruptly)
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.Zero);
        });
    }

    /// <summary>A client with no cookie handling of its own, so a test can hand it another host's cookie.</summary>
    public HttpClient CreateClientWithCookie(string cookie)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A client authenticated with the API token <paramref name="secret"/>.</summary>
    public HttpClient CreateClientWithToken(string secret)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}

/// <summary>
/// Tests of a cluster run alone, after the parallel ones: a latency measured while the rest of the suite competes
/// for the machine's two cores measures the suite, not the cluster.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Kluster av värdar";
}

/// <summary>
/// Two hosts on one private PostgreSQL database forming one cluster; their Data Protection key managers make their
/// first keys at once on the empty key table. Host A loads the sample dataset.
/// </summary>
public sealed class HostCluster : IAsyncLifetime
{
    /// <summary>The sample dataset's plan that events of <see cref="WriteEndpoint.Insats"/> count towards.</summary>
    public static readonly string PlanKey = GrainKeys.Plan("finsam-gavleborg", "asf-2016-2020", 2017);

    /// <summary>The live topic of <see cref="PlanKey"/>.</summary>
    public static string PlanTopic => "/api/live/plan/" + PlanKey;

    public PostgresHostFactory A { get; private set; } = null!;

    public PostgresHostFactory B { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.StartAsync();
        ConnectionString = await server.CreateDatabaseAsync("cluster");
        A = new PostgresHostFactory(ConnectionString, loadDataset: true);
        B = new PostgresHostFactory(ConnectionString, loadDataset: false);
        // One after the other: WebApplicationFactory finds a host's builder through a process-wide listener.
        _ = A.Services;
        _ = B.Services;
        // Both hosts' first protection at once on the empty key table (the sign-in form's antiforgery token): each
        // may create a key of its own, and every test here then shows that cookies still cross.
        var forms = await Task.WhenAll(A.CreateClient().GetAsync("/logga-in"), B.CreateClient().GetAsync("/logga-in"));
        foreach (var form in forms)
            form.EnsureSuccessStatusCode();
        await A.EnsureAdminAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }

    /// <summary>Records a new information event of 2017 through <paramref name="client"/> (a create, so no version).</summary>
    public static Task<HttpResponseMessage> RecordEventAsync(HttpClient client) =>
        WriteEndpoint.Event.CreateAsync(client,
            WriteEndpoint.EventBody(WriteEndpoint.Unique("kluster"), "Informationsmöte om ASF i klustret"));

    /// <summary>The value of the plan's indicator "informationsinsatser" in an <c>indikatorer</c> event or indicator list.</summary>
    public static decimal InformationEvents(System.Text.Json.JsonElement indicators) =>
        indicators.EnumerateArray().Single(i => i.GetProperty("indicatorId").GetString() == "informationsinsatser")
            .GetProperty("value").GetDecimal();

    /// <summary>The indicator's value as host <paramref name="client"/> reads it now.</summary>
    public static async Task<decimal> InformationEventsAsync(HttpClient client) =>
        InformationEvents(await client.GetFromJsonAsync<System.Text.Json.JsonElement>(WriteEndpoint.Plan + "/indicators"));
}
