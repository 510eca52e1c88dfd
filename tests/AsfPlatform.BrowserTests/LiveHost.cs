using AsfPlatform.Access;
using AsfPlatform.Host;
using AsfPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace AsfPlatform.BrowserTests;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 with a free port (not the TestServer), on a fresh SQLite file, so the
/// browser talks HTTP to it like any user.
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    private readonly TempSqliteDatabase _database = new("browser");
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    /// <summary>Starts the host; <paramref name="loadDataset"/> loads the sample dataset as production does.</summary>
    public static async Task<LiveHost> StartAsync(bool loadDataset = false)
    {
        var host = new LiveHost();
        host._app = AsfHostApplication.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            "--contentRoot", FindHostProjectDirectory(),
            "--Storage:Provider", "Sqlite",
            "--Storage:ConnectionString", host._database.ConnectionString,
            "--Dataset:LoadOnStart", loadDataset ? "true" : "false",
            "--Logging:LogLevel:Default", "Warning",
            "--Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        await host._app.StartAsync();
        // After start, Urls holds the port Kestrel actually bound.
        host.BaseUrl = host._app.Urls.Single().TrimEnd('/');
        return host;
    }

    public IUserAccountService Accounts => Services.GetRequiredService<IUserAccountService>();

    /// <summary>Signs in through the form in a new browser context (Swedish locale, downloads allowed).</summary>
    public async Task<Microsoft.Playwright.IPage> SignInAsync(Microsoft.Playwright.IBrowser browser, string userName, string password)
    {
        var context = await browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { Locale = "sv-SE", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/logga-in");
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        // Generous: the first sign-in hashes a password and renders a cold page on a busy 2-core machine.
        await page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = 90_000 });
        return page;
    }

    /// <summary>The host project's folder, so wwwroot (the style sheet) is served as in production.</summary>
    private static string FindHostProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "AsfPlatform.Host");
            if (File.Exists(Path.Combine(candidate, "AsfPlatform.Host.csproj")))
                return candidate;
        }
        throw new DirectoryNotFoundException("src/AsfPlatform.Host not found above the test output folder.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _database.Dispose();
    }
}
