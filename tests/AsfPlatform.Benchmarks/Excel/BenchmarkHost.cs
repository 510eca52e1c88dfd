extern alias host;

using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Benchmarks.Excel;

/// <summary>
/// The real host (API, DomainWriter, audit log, co-hosted silo) on a SQLite file of its own, as the host tests run it,
/// with an admin and a token client (the host's assembly is aliased: its Program and namespace would hide this
/// project's): what an office's import and an admin's backup go through.
/// </summary>
internal sealed class BenchmarkHost(bool loadDataset, int? importLanes = null) : WebApplicationFactory<host::Program>
{
    private const string Admin = "admin";

    // The factory looks for the host's folder beside the solution file; it lies under src/, so it is named here the way
    // the factory lets a test name it (a test project gets this from the package's build step, which the alias skips).
    static BenchmarkHost()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AsfPlatform.sln")))
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("AsfPlatform.sln hittades inte.");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ASFPLATFORM_HOST", Path.Combine(root, "src", "AsfPlatform.Host"));
    }
    private readonly TempSqliteDatabase _database = new("bench");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Dataset:LoadOnStart", loadDataset ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (importLanes is { } lanes)
            builder.UseSetting(host::AsfPlatform.Host.Import.ImportService.ParallelLanesKey, lanes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in FreePorts.ForSilo())
            builder.UseSetting(key, value);
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IAuditArchive Audit => Services.GetRequiredService<IAuditArchive>();

    /// <summary>A client with the admin's API token (the admin is created on first use).</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var accounts = Services.GetRequiredService<IUserAccountService>();
        if (!await accounts.AdminExistsAsync())
            await accounts.CreateFirstAdminAsync(Admin, "Ada Admin", "Korrekt-Hast-Batteri-1");
        var issued = await Services.GetRequiredService<IApiTokenService>().IssueAsync(Admin, "benchmark", "benchmark");
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", issued.Secret);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _database.Dispose();
    }
}
