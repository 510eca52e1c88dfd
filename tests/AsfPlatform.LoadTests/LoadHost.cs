using AsfPlatform.Host;
using AsfPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace AsfPlatform.LoadTests;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a free port) on a fresh SQLite file (WAL, synchronous=FULL: the storage's
/// own settings) or a private PostgreSQL cluster (synchronous_commit=on). Can be restarted on the same database to
/// check that acknowledged writes survived.
/// </summary>
public sealed class LoadHost : IAsyncDisposable
{
    private readonly string _provider;
    private readonly string _connectionString;
    private readonly TempSqliteDatabase? _sqlite;
    private readonly PostgresServer? _postgres;
    private WebApplication? _app;

    private LoadHost(string provider, string connectionString, TempSqliteDatabase? sqlite, PostgresServer? postgres)
    {
        (_provider, _connectionString, _sqlite, _postgres) = (provider, connectionString, sqlite, postgres);
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The database every host of this run shares.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>Whether the database is PostgreSQL (several hosts can share it).</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>Starts another host of the same database in a process of its own (PostgreSQL: it joins the cluster).</summary>
    public Task<ExternalHost> StartExternalAsync() => ExternalHost.StartAsync(_provider, _connectionString);
    public IServiceProvider Services => _app!.Services;
    public string Description => _provider == "Sqlite" ? $"SQLite {_sqlite!.FilePath}" : "PostgreSQL (private cluster)";

    public static async Task<LoadHost> CreateAsync(string storage)
    {
        if (storage == "postgres")
        {
            var server = await PostgresServer.StartAsync();
            return new LoadHost("PostgreSql", await server.CreateDatabaseAsync("asf_load"), null, server);
        }
        var database = new TempSqliteDatabase("load");
        return new LoadHost("Sqlite", database.ConnectionString, database, null);
    }

    public async Task StartAsync()
    {
        _app = AsfHostApplication.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Storage:Provider", _provider,
            "--Storage:ConnectionString", _connectionString,
            "--Dataset:LoadOnStart", "true",
            "--Security:SignIn:PermitLimit", "100000",
            "--Logging:LogLevel:Default", "Warning",
            "--Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:Console:FormatterName", "simple",
        ]);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _sqlite?.Dispose();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
