using AsfPlatform.Access;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AsfPlatform.BrowserTests;

/// <summary>
/// Every page, as every role sees it, checked by axe-core against the WCAG 2.1 A and AA rules (colour contrast
/// included), and photographed at a desktop and a phone width for a reviewer (under the test output, not in git).
/// </summary>
public sealed class AccessibilityBrowserTests(ITestOutputHelper output) : BrowserTest(loadDataset: true)
{
    private const string Owner = "finsam-gavleborg", Insats = "asf-2016-2020", Company = "asf-gladjeverket";
    private const string Password = "Ett-Langt-Losenord-9";
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Every page of the UI with the sample dataset (pages a role may not open show the Swedish 403 page).</summary>
    private static readonly (string Name, string Path)[] Pages =
    [
        ("oversikt", "/"),
        ("dashboard", $"/insats/{Owner}/{Insats}/2017"),
        ("aktivitet", $"/insats/{Owner}/{Insats}/2017/aktivitet"),
        ("placering", $"/insats/{Owner}/{Insats}/2017/placering"),
        ("handlingsplan", $"/insats/{Owner}/{Insats}/2017/plan"),
        ("foretag-och-kommuner", $"/insats/{Owner}/foretag"),
        ("insats", $"/insatser/{Owner}/{Insats}"),
        ("ny-insats", $"/insatser/{Owner}"),
        ("ny-handlingsplan", $"/insatser/{Owner}/{Insats}/ny-handlingsplan"),
        ("nytt-foretag", $"/asf-register/{Owner}"),
        ("foretag", $"/asf-register/{Owner}/{Company}"),
        ("foretagets-siffror", $"/foretag/{Owner}/{Company}/siffror"),
        ("kommunens-milstolpe", $"/kommun/{Owner}/2183/milstolpe"),
        ("historik", $"/historik/insats/{Uri.EscapeDataString(Owner + "/" + Insats)}"),
        ("rapporter", "/rapporter"),
        ("api-nycklar", "/konto/api-nycklar"),
        ("byt-losenord", "/konto/byt-losenord"),
        ("anvandare", "/admin/anvandare"),
        ("andra-anvandare", "/admin/anvandare/bollnas"),
        ("ny-organisation", "/agare/ny"),
        ("organisation", $"/agare/{Owner}"),
        ("berattelse", $"/insats/{Owner}/{Insats}/berattelse"),
        ("texter", $"/insatser/{Owner}/{Insats}/texter"),
        ("import", $"/import/{Owner}"),
        ("export", $"/export/{Owner}"),
        ("sakerhetskopia", "/admin/sakerhetskopia"),
        ("ta-bort", $"/ta-bort/{Owner}/kommunmilstolpe/2104/samverkansgrupp-2017"),
        ("sidan-finns-inte", "/finns-inte"),
        ("ingen-behorighet", "/ingen-behorighet"),
    ];

    private static readonly (string UserName, string DisplayName, AccessRole Role, OrganisationRef? Organisation)[] Roles =
    [
        ("forbundet", "Maria Förbund", AccessRole.Förbundsadmin, null),
        ("bollnas", "Bollnäs partnerkontor", AccessRole.Partnerkontor, OrganisationRef.Municipality("2183")),
        ("styrelsen", "Stina Styrelse", AccessRole.Styrelse, null),
        ("lasaren", "Lars Läsare", AccessRole.Läsare, null),
    ];

    protected override async Task SetUpAsync()
    {
        await Host.Accounts.CreateFirstAdminAsync(Roles[0].UserName, Roles[0].DisplayName, Password);
        foreach (var (userName, displayName, role, organisation) in Roles.Skip(1))
            await Host.Accounts.CreateAsync(new NewUserAccount(userName, displayName, role, organisation, Password), Roles[0].UserName);
    }

    private static AxeRunOptions Wcag21AA => new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } };

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join("\n", violation.Nodes.Take(5).Select(n =>
            $"    {n.Target}: {n.Html}"));

    /// <summary>The roles, and "anonym" for the sign-in page before anyone signs in.</summary>
    public static TheoryData<string> Users => new(Roles.Select(r => r.UserName).Append("anonym"));

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_page_has_no_WCAG_21_AA_violations_and_is_photographed_at_desktop_and_phone_width(string userName)
    {
        var folder = Path.GetDirectoryName(Chromium.ScreenshotPath("x"))!;
        output.WriteLine($"Skärmbilder: {folder}");
        Console.WriteLine($"Skärmbilder: {folder}");
        var signedIn = userName != "anonym";
        var page = signedIn ? await SignInAsync(userName, Password) : await AnonymousAsync();
        var pages = signedIn ? Pages : [("logga-in", "/logga-in")];
        var failures = new List<string>();
        foreach (var (name, path) in pages)
        {
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                await page.GotoAsync(Host.BaseUrl + path);
                var result = await page.RunAxe(Wcag21AA);
                var found = result.Violations.Select(v => $"{userName} {path} @{width}px: {Describe(v)}").ToList();
                found.ForEach(Console.WriteLine);
                failures.AddRange(found);
                try
                {
                    // Generous: a full-page picture of the long plan editor on a busy 2-core machine.
                    await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"{userName}-{name}-{width}"), FullPage = true, Timeout = 120_000 });
                }
                catch (TimeoutException)
                {
                    failures.Add($"{path} @{width}px: no screenshot within two minutes");
                }
            }
        }
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<IPage> AnonymousAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE" });
        return await context.NewPageAsync();
    }
}
