using AsfPlatform.Access;
using Microsoft.Playwright;

namespace AsfPlatform.BrowserTests;

/// <summary>First-run setup and signing in through the form, as a new installation's first administrator meets them.</summary>
public sealed class SignInBrowserTests() : BrowserTest(loadDataset: false)
{

    [Fact]
    public async Task First_run_setup_then_sign_in_through_the_form_shows_the_start_page()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 800 } });

        // A fresh installation sends the sign-in page to first-run setup.
        await page.GotoAsync(Host.BaseUrl + "/logga-in");
        Assert.EndsWith("/forsta-start", page.Url);
        await page.GetByLabel("Användarnamn").FillAsync("forbundet");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Maria Förbund");
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("Ett-Langt-Losenord-9");
        await page.GetByLabel("Upprepa lösenordet").FillAsync("Ett-Langt-Losenord-9");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("forsta-start"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa administratör" }).ClickAsync();
        await page.WaitForURLAsync(Host.BaseUrl + "/", new() { Timeout = 90_000 }); // a cold page on a busy 2-core machine
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        // A partner office signs in through the form.
        await Host.Accounts.CreateAsync(new NewUserAccount("gavle", "Gävle partnerkontor", AccessRole.Partnerkontor,
            OrganisationRef.Municipality("2180"), "Ett-Annat-Losenord-7"), "forbundet");
        await page.GotoAsync(Host.BaseUrl + "/");
        Assert.Contains("/logga-in", page.Url);
        await page.GetByLabel("Användarnamn").FillAsync("gavle");
        await page.GetByLabel("Lösenord").FillAsync("fel-losenord-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        Assert.Equal("Fel användarnamn eller lösenord.", (await page.GetByRole(AriaRole.Alert).TextContentAsync())?.Trim());
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("logga-in-fel"), FullPage = true });

        await page.GetByLabel("Lösenord").FillAsync("Ett-Annat-Losenord-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(Host.BaseUrl + "/", new() { Timeout = 90_000 }); // a cold page on a busy 2-core machine

        Assert.Equal("Välkommen, Gävle partnerkontor", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Gävle kommun", await page.Locator("main").TextContentAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Användare" }).CountAsync()); // not an admin
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("startsida"), FullPage = true });
    }

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content()
    {
        await Host.Accounts.CreateFirstAdminAsync("admin", "Admin", "Ett-Langt-Losenord-9");
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Host.BaseUrl + "/logga-in");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent");
        Assert.Equal("Hoppa till innehållet", focused.Trim());
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("innehall", await page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
