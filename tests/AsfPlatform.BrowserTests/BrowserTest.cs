using Microsoft.Playwright;

namespace AsfPlatform.BrowserTests;

/// <summary>
/// The lifetime every browser test shares: a real host on its own SQLite file (with or without the sample dataset)
/// and Debian's Chromium, started before each test and stopped after it, so no test sees another's data or cookies.
/// A class sets up its accounts in <see cref="SetUpAsync"/>.
/// </summary>
public abstract class BrowserTest(bool loadDataset) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    /// <summary>The host under test.</summary>
    protected LiveHost Host { get; private set; } = null!;

    /// <summary>The browser; each sign-in opens a context of its own.</summary>
    protected IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Host = await LiveHost.StartAsync(loadDataset);
        (_playwright, Browser) = await Chromium.LaunchAsync();
        await SetUpAsync();
    }

    /// <summary>What the class needs before each test (accounts, say); nothing by default.</summary>
    protected virtual Task SetUpAsync() => Task.CompletedTask;

    /// <summary>Signs in through the form in a new browser context and returns its page.</summary>
    protected Task<IPage> SignInAsync(string userName, string password) => Host.SignInAsync(Browser, userName, password);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }
}
