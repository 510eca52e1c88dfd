using AsfPlatform.Access;
using Microsoft.Playwright;

namespace AsfPlatform.BrowserTests;

/// <summary>The user page's "Stäng av" button, and a lägesrapport made from the report form by choosing values.</summary>
public sealed class UserAndReportBrowserTests() : BrowserTest(loadDataset: true)
{
    private const string AdminPassword = "Ett-Langt-Losenord-9";

    protected override async Task SetUpAsync()
    {
        await Host.Accounts.CreateFirstAdminAsync("forbundet", "Maria Förbund", AdminPassword);
    }

    [Fact]
    public async Task The_association_makes_a_lagesrapport_by_choosing_report_owner_insats_and_half_year_and_downloads_it()
    {
        var page = await SignInAsync("forbundet", AdminPassword);
        await page.GotoAsync(Host.BaseUrl + "/rapporter");

        await page.GetByLabel("Rapport", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lägesrapport" });
        await page.GetByLabel("Ägare (samordningsförbund)").SelectOptionAsync("finsam-gavleborg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa valen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "2. Lägesrapport" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("input[name=Insats]:not([type=hidden])").CountAsync()); // chosen, never typed
        await page.GetByLabel("Halvårsskifte").SelectOptionAsync(new SelectOptionValue { Label = "30 juni 2017" });
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("rapport-lagesrapport"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Skapa och ladda ned" }).ClickAsync());

        Assert.StartsWith("lagesrapport-asf-2016-2020", download.SuggestedFilename);
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var text = await DownloadedDocument.TextAsync(download);
        Assert.Contains("Lägesrapport", text);
        Assert.Contains("2017-06-30", text);
    }

    [Fact]
    public async Task Pressing_Stang_av_on_the_user_page_disables_the_user_who_can_then_no_longer_sign_in()
    {
        await Host.Accounts.CreateAsync(new NewUserAccount("lasaren", "Lars Läsare", AccessRole.Läsare, null, "Ett-Annat-Losenord-7"), "forbundet");
        var reader = await SignInAsync("lasaren", "Ett-Annat-Losenord-7");
        var admin = await SignInAsync("forbundet", AdminPassword);
        await admin.GotoAsync(Host.BaseUrl + "/admin/anvandare");

        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "lasaren" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Stäng av lasaren" }).ClickAsync();

        Assert.Contains("lasaren är avstängd.", await admin.GetByRole(AriaRole.Status).First.TextContentAsync());
        Assert.Contains("Avstängd", await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "lasaren" }).TextContentAsync());
        Assert.True((await Host.Accounts.FindAsync("lasaren"))!.Disabled);
        await reader.GotoAsync(Host.BaseUrl + "/");
        Assert.Contains("/logga-in", reader.Url); // the open session ended at once
        await admin.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("anvandare-avstangd"), FullPage = true });
    }
}
