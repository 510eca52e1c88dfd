using Microsoft.Playwright;

namespace AsfPlatform.BrowserTests;

/// <summary>
/// A new association sets itself up in the browser alone, from an empty database (no sample dataset): the first
/// administrator, the organisation with its own subregions, six municipalities, eighteen ASF companies with figures,
/// an insats and its 2017 plan written in the plan editor, the year's facts, a correction and a removal, the 2018 plan
/// as a copy — and the board's documents, downloaded from the report page, say what was entered.
/// </summary>
public sealed class NewAssociationBrowserTests() : BrowserTest(loadDataset: false)
{
    private const string Password = "Ett-Langt-Losenord-9", OwnerName = "Samordningsförbundet Norrbotten";
    private static readonly (string Code, string Subregion)[] Municipalities =
        [("2584", "Malmfälten"), ("2523", "Malmfälten"), ("2521", "Malmfälten"), ("2580", "Kustlandet"), ("2581", "Kustlandet"), ("2582", "Kustlandet")];

    private IPage _page = null!;

    private Task GoAsync(string path) => _page.GotoAsync(Host.BaseUrl + path);

    /// <summary>Presses a form's button and waits for the page the form leads to; a page that names errors fails here.</summary>
    private async Task SubmitAsync(string button)
    {
        await NewDocumentAfterAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).First.ClickAsync());
        var errors = _page.Locator(".alert-error");
        if (await errors.CountAsync() > 0)
            Assert.Fail($"{_page.Url}: {await errors.First.InnerTextAsync()}");
    }

    /// <summary>Runs an action that posts a form and waits until the answer's page is loaded (a new document).</summary>
    private async Task NewDocumentAfterAsync(Func<Task> action)
    {
        await _page.EvaluateAsync("() => { window.__asfOldDocument = true; }");
        await action();
        await _page.WaitForFunctionAsync("() => !window.__asfOldDocument && document.readyState === 'complete'", null, new() { Timeout = 60_000 });
    }

    private Task FillAsync(string id, string value) => _page.Locator("#" + id).FillAsync(value);

    private Task SelectAsync(string id, string value) => _page.Locator("#" + id).SelectOptionAsync(value);

    private Task SelectLabelAsync(string id, string label) => _page.Locator("#" + id).SelectOptionAsync(new SelectOptionValue { Label = label });

    [Fact]
    public async Task A_new_association_sets_up_runs_corrects_and_reports_its_initiative_in_theBrowser()
    {
        var context = await Browser.NewContextAsync(new() { Locale = "sv-SE", AcceptDownloads = true });
        _page = await context.NewPageAsync();
        _page.SetDefaultTimeout(60_000);

        // The first administrator, on the page an empty installation offers.
        await GoAsync("/forsta-start");
        await FillAsync("anvandarnamn", "forbundschef");
        await FillAsync("visningsnamn", "Förbundschefen");
        await FillAsync("losenord", Password);
        await FillAsync("losenord2", Password);
        await SubmitAsync("Skapa administratör");

        // The organisation, its two subregions and six municipalities.
        await GoAsync("/agare/ny");
        await FillAsync("namn", OwnerName);
        await FillAsync("organisationsnummer", "222000-1875");
        await FillAsync("ny-delregion", "Malmfälten\nKustlandet");
        await SubmitAsync("Lägg upp organisationen");
        var owner = new Uri(_page.Url).AbsolutePath.Split('/')[^1];
        foreach (var (code, subregion) in Municipalities)
        {
            await SelectAsync("kommun", code);
            await SelectLabelAsync("kommun-delregion", subregion);
            await SubmitAsync("Lägg till kommunen");
        }
        foreach (var (code, _) in Municipalities)
            Assert.Contains(code, await _page.Locator("#kommuner-rubrik + *, table").First.InnerTextAsync());

        // Eighteen ASF companies, three per municipality, each with its figures at the end of 2017.
        var employed = 0;
        for (var i = 0; i < 18; i++)
        {
            await GoAsync($"/asf-register/{owner}");
            await FillAsync("namn", $"Arbetsglädjen {i + 1}");
            await SelectAsync("kommun", Municipalities[i / 3].Code);
            foreach (var criterion in new[] { "integration", "delaktighet", "vinst", "fristaende" })
                await _page.Locator($"#kriterium-{criterion}").CheckAsync();
            await FillAsync("registrerad-fran", "2016-05-01");
            await SubmitAsync("Registrera företaget");
            var company = new Uri(_page.Url).AbsolutePath.Split('/')[^1];
            await GoAsync($"/foretag/{owner}/{company}/siffror");
            var (women, men) = (1 + i % 4, i % 3);
            await FillAsync("datum", "2017-12-31");
            await FillAsync("anstallda-kvinnor", women.ToString());
            await FillAsync("anstallda-man", men.ToString());
            await FillAsync("deltagare-af", "2");
            await FillAsync("deltagare-kommun", "1");
            await FillAsync("deltagare-ovriga", (i % 2).ToString());
            await SubmitAsync("Spara siffrorna");
            employed += women + men;
        }
        await GoAsync($"/insats/{owner}/foretag");
        Assert.Contains("Arbetsglädjen 18", await _page.ContentAsync());

        // The insats, and its 2017 plan from the template, written in the plan editor.
        await GoAsync($"/insatser/{owner}");
        await FillAsync("titel", "Fler i arbete genom ASF i Norrbotten");
        await FillAsync("period-start", "2017-01-01");
        await FillAsync("period-slut", "2019-12-31");
        await FillAsync("syfte", "Att stärka de arbetsintegrerande sociala företagen i länet.");
        await FillAsync("processagare", "Förbundschef");
        await FillAsync("processledare", "Processledare");
        await SubmitAsync("Skapa insatsen");
        var insats = new Uri(_page.Url).AbsolutePath.Split('/')[^1];
        await GoAsync($"/insatser/{owner}/{insats}/ny-handlingsplan");
        await FillAsync("ar", "2017");
        await _page.Locator("#start-mall").CheckAsync();
        await SubmitAsync("Skapa handlingsplanen");
        Assert.EndsWith($"/insats/{owner}/{insats}/2017/plan", _page.Url);

        var goals = new[] { ("1", "Kunskapen om ASF ökar i länet."), ("2", "Fler ASF med fler anställda.") };
        for (var g = 0; g < goals.Length; g++)
        {
            await FillAsync($"processmal-{g}-id", goals[g].Item1);
            await FillAsync($"processmal-{g}-text", goals[g].Item2);
            await SubmitAsync("Spara handlingsplanen");
        }
        var activities = new[] { ("1", "Informationsträffar i varje kommun"), ("1", "Frukostmöten för politiker"), ("2", "Stöd till nystartade ASF") };
        for (var a = 0; a < activities.Length; a++)
        {
            await SelectAsync($"aktiviteter-{a}-processmal", activities[a].Item1);
            await FillAsync($"aktiviteter-{a}-aktivitet", activities[a].Item2);
            await FillAsync($"aktiviteter-{a}-hur", "Förbundet bjuder in");
            await FillAsync($"aktiviteter-{a}-ansvarig", "Processledaren");
            await FillAsync($"aktiviteter-{a}-nar", "Under året");
            await SubmitAsync("Spara handlingsplanen");
        }
        // One indicator of every kind: (title, kind, metric, denominator, categories, goal, period start, baseline, baseline date, target)
        var indicators = new[]
        {
            ("Indikator aktiviteter", "CountInPeriod", "InformationEvents", "", "", "1", "2017-01-01", "", "", "6"),
            ("Indikator foretag", "StockAtDate", "RegisteredCompanies", "", "", "2", "", "12", "2017-01-01", "20"),
            ("Indikator anstallda", "GrowthRelativeToBaseline", "Employed", "", "", "2", "", "20", "2017-01-01", "10"),
            ("Indikator arbete-studier", "Rate", "PlacementOutcomeWorkOrStudies", "PlacementParticipants", "", "2", "2017-01-01", "", "", "30"),
            ("Indikator lansrad", "Milestone", "InsatsMilestones", "", "lansrad", "1", "2017-01-01", "", "", "1"),
        };
        for (var n = 0; n < indicators.Length; n++)
        {
            var (title, kind, metric, denominator, categories, goal, periodStart, baseline, baselineDate, target) = indicators[n];
            await FillAsync($"indikatorer-{n}-titel", title);
            await SelectAsync($"indikatorer-{n}-typ", kind);
            await SelectAsync($"indikatorer-{n}-kalla", metric);
            await SelectAsync($"indikatorer-{n}-kalla-namnare", denominator);
            await FillAsync($"indikatorer-{n}-kategorier", categories);
            await SelectAsync($"indikatorer-{n}-processmal", goal);
            await FillAsync($"indikatorer-{n}-periodStart", periodStart);
            await FillAsync($"indikatorer-{n}-utgangslage", baseline);
            await FillAsync($"indikatorer-{n}-utgangsdatum", baselineDate);
            await FillAsync($"indikatorer-{n}-malvarde", target);
            await FillAsync($"indikatorer-{n}-malDatum", "2017-12-31");
            await SubmitAsync("Spara handlingsplanen");
        }

        // The year's facts: three events (one corrected, one removed), a placement, a milestone of the story.
        foreach (var (code, date, title) in new[] { ("2580", "2017-03-14", "Informationsträff"), ("2584", "2017-04-20", "Frukostmöte i Kiruna"), ("2581", "2017-05-02", "Dubbelregistrerad träff") })
        {
            await GoAsync($"/insats/{owner}/{insats}/2017/aktivitet");
            await FillAsync("datum", date);
            await SelectAsync("typ", "Informationsmote");
            await FillAsync("titel", title);
            await SelectAsync("kommunkod", code);
            await FillAsync("arrangorer", "Förbundet");
            await FillAsync("publik-politiker", "4");
            await FillAsync("publik-medarbetare", "12");
            await SubmitAsync("Registrera aktiviteten");
        }
        await GoAsync($"/insats/{owner}/{insats}/2017/placering");
        await SelectAsync("kommunkod", "2580");
        await FillAsync("malgrupp", "Unga vuxna");
        await FillAsync("beviljade-platser", "4");
        await FillAsync("dagersattning", "350");
        await FillAsync("nyttjade-platser", "4");
        await FillAsync("deltagare-kvinnor", "3");
        await FillAsync("deltagare-man", "2");
        await FillAsync("utfall-arbete", "1");
        await FillAsync("utfall-studier", "1");
        await FillAsync("utfall-fortsatt", "2");
        await SubmitAsync("Spara placeringen");
        await GoAsync($"/insats/{owner}/{insats}/berattelse");
        await FillAsync("ar", "2017");
        await FillAsync("datum", "2017-10-10");
        await FillAsync("text", "Länsrådet för ASF bildades.");
        await FillAsync("etikett", "lansrad");
        await SubmitAsync("Registrera milstolpen");

        // A correction with its reason, and a removal with its reason, from the dashboard's list.
        await GoAsync($"/insats/{owner}/{insats}/2017");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Ändra Informationsträff" }).ClickAsync();
        await FillAsync("titel", "Informationsträff om ASF i Luleå");
        await FillAsync("anledning", "Fel titel angavs");
        await SubmitAsync("Spara ändringen");
        await GoAsync($"/insats/{owner}/{insats}/2017");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Ta bort Dubbelregistrerad träff" }).ClickAsync();
        await FillAsync("anledning", "Registrerad två gånger");
        await SubmitAsync("Ja, ta bort");
        await GoAsync($"/insats/{owner}/{insats}/2017");
        var dashboard = await _page.ContentAsync();
        Assert.Contains("Informationsträff om ASF i Luleå", dashboard);
        Assert.DoesNotContain("Dubbelregistrerad träff", dashboard);
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("ny-forening-dashboard"), FullPage = true });

        // Next year's plan as a copy of this year's.
        await GoAsync($"/insatser/{owner}/{insats}/ny-handlingsplan");
        await FillAsync("ar", "2018");
        await _page.Locator("#start-kopia").CheckAsync();
        await SubmitAsync("Skapa handlingsplanen");
        var plan2018 = await _page.ContentAsync();
        Assert.Contains("Kunskapen om ASF ökar i länet.", plan2018);
        Assert.Contains("Indikator anstallda", plan2018);

        // The board's documents, chosen and downloaded on the report page, carry the same figures.
        var handlingsplan = await ReportAsync("Handlingsplan", owner, insats, year: "2017", asOf: null);
        // Figures and their units are kept together with a no-break space in the documents.
        var lagesrapport = (await ReportAsync("Lägesrapport", owner, insats, year: null, asOf: "31 december 2017")).Replace('\u00A0', ' ').Replace('\u202F', ' ');
        foreach (var text in new[] { handlingsplan, lagesrapport })
            Assert.Contains(OwnerName, text);
        Assert.Contains("Kunskapen om ASF ökar i länet.", handlingsplan);
        Assert.Contains("Informationsträffar i varje kommun", handlingsplan);
        var growth = (employed - 20) * 100m / 20;
        // The indicator table's rows: name, outcome, target (the document's text runs cell after cell).
        Assert.Contains("Indikator aktiviteter26", lagesrapport);                // three recorded, one removed; target 6
        Assert.Contains("Indikator foretag18 per 2016-05-01" + "20", lagesrapport); // eighteen registered (the last on 2016-05-01); target 20
        Assert.Contains($"Indikator anstallda+{growth:0} %+10 %", lagesrapport);
        Assert.Contains("Indikator arbete-studier40 %30 %", lagesrapport);       // (1 work + 1 studies) of 5 participants
        Assert.Contains("Indikator lansradJa", lagesrapport);                    // the story's milestone tagged lansrad
        Assert.DoesNotContain("Gävleborg", handlingsplan + lagesrapport);

        // The history keeps both reasons.
        await GoAsync($"/historik/insats/{Uri.EscapeDataString(owner + "/" + insats)}");
        var history = await _page.ContentAsync();
        Assert.Contains("Fel titel angavs", history);
        Assert.Contains("Registrerad två gånger", history);
    }

    private async Task<string> ReportAsync(string report, string owner, string insats, string? year, string? asOf)
    {
        await GoAsync("/rapporter");
        await _page.GetByLabel("Rapport", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = report });
        await SelectAsync("agare", owner);
        await NewDocumentAfterAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "Visa valen" }).ClickAsync());
        if (await _page.Locator("select#insats").CountAsync() > 0)
        {
            await SelectAsync("insats", insats);
            await NewDocumentAfterAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "Visa valen" }).ClickAsync());
        }
        if (year is not null) await SelectAsync("ar", year);
        if (asOf is not null) await SelectLabelAsync("per-datum-val", asOf);
        var download = await _page.RunAndWaitForDownloadAsync(() =>
            _page.GetByRole(AriaRole.Button, new() { Name = "Skapa och ladda ned" }).ClickAsync());
        return await DownloadedDocument.TextAsync(download);
    }
}
