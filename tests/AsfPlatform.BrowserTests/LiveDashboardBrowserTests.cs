using AsfPlatform.Access;
using Microsoft.Playwright;

namespace AsfPlatform.BrowserTests;

/// <summary>Two signed-in people at once: one records through the form, the other's dashboard follows live.</summary>
public sealed class LiveDashboardBrowserTests() : BrowserTest(loadDataset: true)
{
    private const string Dashboard = "/insats/finsam-gavleborg/asf-2016-2020/2017";
    private const string EventsCard = "[data-indicator=\"informationsinsatser\"] [data-field=\"value\"]";

    protected override async Task SetUpAsync()
    {
        await Host.Accounts.CreateFirstAdminAsync("forbundet", "Maria Förbund", "Ett-Langt-Losenord-9");
        await Host.Accounts.CreateAsync(new NewUserAccount("bollnas", "Bollnäs partnerkontor", AccessRole.Partnerkontor,
            OrganisationRef.Municipality("2183"), "Ett-Annat-Losenord-7"), "forbundet");
    }

    private const string EventTotal = "#listor [data-field=\"event-total\"]";

    /// <summary>The leading whole number of a card or caption text ("4 st" → 4).</summary>
    private static int Count(string? text) => int.Parse(new string((text ?? "").Trim().TakeWhile(char.IsDigit).ToArray()));

    [Fact]
    public async Task An_event_recorded_in_oneBrowser_shows_in_the_cards_latest_events_and_total_of_another_within_a_second_without_reload()
    {
        var watcher = await SignInAsync("forbundet", "Ett-Langt-Losenord-9");
        var office = await SignInAsync("bollnas", "Ett-Annat-Losenord-7");

        await watcher.GotoAsync(Host.BaseUrl + Dashboard);
        await watcher.WaitForSelectorAsync("#indikatorer[data-live=\"ansluten\"]");
        await watcher.EvaluateAsync("() => { window.sammaSida = true; }");
        var before = Count(await watcher.Locator(EventsCard).TextContentAsync());
        var totalBefore = Count(await watcher.Locator(EventTotal).TextContentAsync());

        // The partner office reaches the form through the dashboard link.
        await office.GotoAsync(Host.BaseUrl + Dashboard);
        await office.GetByRole(AriaRole.Link, new() { Name = "Registrera en aktivitet" }).ClickAsync();
        await office.GetByLabel("Datum").FillAsync("2017-12-30");
        await office.GetByLabel("Typ av aktivitet").SelectOptionAsync(new SelectOptionValue { Label = "Seminarium" });
        await office.GetByLabel("Titel").FillAsync("Seminarium om ASF i Bollnäs");
        await office.GetByLabel("Medarbetare och tjänstepersoner").FillAsync("14");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrera aktiviteten" }).ClickAsync();
        Assert.Contains("är registrerad", await office.GetByRole(AriaRole.Status).First.TextContentAsync());

        // Recorded: the other dashboard's latest-events list shows it within a second (dated last, so it heads the list).
        await watcher.Locator("#listor tbody tr").First.GetByRole(AriaRole.Cell, new() { Name = "Seminarium om ASF i Bollnäs", Exact = true })
            .WaitForAsync(new() { Timeout = 1_000 });
        Assert.Equal(totalBefore + 1, Count(await watcher.Locator(EventTotal).TextContentAsync()));
        await watcher.WaitForFunctionAsync(
            $"before => parseInt(document.querySelector('{EventsCard.Replace("'", "\\'")}').textContent) !== before", before,
            new() { Timeout = 10_000 });
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.sammaSida === true")); // no reload happened
        Assert.Equal(before + 1, Count(await watcher.Locator(EventsCard).TextContentAsync()));
        await watcher.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-live"), FullPage = true });
    }

    [Fact]
    public async Task The_association_downloads_a_handlingsplan_that_opens_as_a_Word_document()
    {
        var page = await SignInAsync("forbundet", "Ett-Langt-Losenord-9");
        await page.GotoAsync(Host.BaseUrl + "/rapporter");
        await page.GetByLabel("Rapport", new() { Exact = true }).SelectOptionAsync("handlingsplan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa valen" }).ClickAsync();
        await page.GetByLabel("År", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2017" });

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Skapa och ladda ned" }).ClickAsync());

        Assert.EndsWith(".docx", download.SuggestedFilename);
        var text = await DownloadedDocument.TextAsync(download);
        Assert.Contains("Handlingsplan", text);
        Assert.Contains("2017", text);
    }
}
