using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// A new association sets itself up from an empty database through the REST API alone, runs a year, corrects its
/// record and gets the board's documents — whose figures are those it entered. Nothing here comes from the sample
/// dataset: the host starts without it.
/// </summary>
public sealed class NewAssociationScenarioTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private const string OwnerName = "Samordningsförbundet Norrbotten";

    // Six municipalities in two subregions of the association's own naming.
    private static readonly (string Code, string Subregion)[] Municipalities =
        [("2584", "malmfalten"), ("2523", "malmfalten"), ("2521", "malmfalten"), ("2580", "kusten"), ("2581", "kusten"), ("2582", "kusten")];

    private HttpClient _api = null!;

    [Fact]
    public async Task An_association_sets_up_runs_corrects_and_reports_its_initiative_through_the_api_alone()
    {
        await factory.EnsureAdminAsync();
        _api = await factory.TokenClientAsync(AsfHostFactory.AdminUser);

        // The owner, its subregions and a partner organisation.
        var owner = await CreateAsync("/api/owners", new
        {
            name = OwnerName, kind = "Samordningsforbund", organisationNumber = "222000-1875",
            subregions = new[] { new { id = "malmfalten", name = "Malmfälten" }, new { id = "kusten", name = "Kustlandet" } },
            partners = new[] { new { kind = "AF", id = "af", name = "Arbetsförmedlingen" } },
        });
        var o = $"/api/owners/{owner["id"]!.GetValue<string>()}";
        foreach (var (code, subregion) in Municipalities)
            await CreateAsync($"{o}/municipalities/{code}", new { subregion }, HttpMethod.Put);

        // Eighteen ASF companies, three per municipality, each with its figures at the end of 2017.
        var (women, men, participants) = (0, 0, 0);
        for (var i = 0; i < 18; i++)
        {
            var company = await CreateAsync($"{o}/companies", new
            {
                name = $"Arbetsglädjen {i + 1}", legalForm = "EkonomiskForening", kommunkod = Municipalities[i / 3].Code,
                criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true },
                registeredFrom = "2016-05-01",
            });
            var figures = new { date = "2017-12-31", employedWomen = 1 + i % 4, employedMen = i % 3, participantsAf = 2, participantsMunicipality = 1, participantsOther = i % 2 };
            (women, men, participants) = (women + figures.employedWomen, men + figures.employedMen,
                participants + figures.participantsAf + figures.participantsMunicipality + figures.participantsOther);
            await ChangeAsync(HttpMethod.Put, $"{o}/companies/{company["id"]!.GetValue<string>()}/figures", figures,
                await ETagAsync($"{o}/companies/{company["id"]!.GetValue<string>()}"));
        }

        // The insats and its 2017 plan: two process goals, activities and an indicator of every kind.
        var insats = await CreateAsync($"{o}/insatser", new
        {
            title = "Fler i arbete genom ASF i Norrbotten", periodStart = "2017-01-01", periodEnd = "2019-12-31",
            description = "Att stärka de arbetsintegrerande sociala företagen i länet.", targetGroups = new[] { "Personer långt från arbetsmarknaden" },
            partners = new[] { "Arbetsförmedlingen", "Försäkringskassan" }, overarchingGoals = new[] { "Fler ASF med fler anställda" },
            processOwner = "Förbundschef", processLeader = "Processledare",
        });
        var i2017 = $"{o}/insatser/{insats["id"]!.GetValue<string>()}";
        await CreateAsync($"{i2017}/plans", new { year = 2017, from = "template" });
        var plan = (await GetAsync($"{i2017}/plans/2017"))["content"]!.DeepClone();
        plan["goals"] = new JsonArray(Goal("1", "Kunskapen om ASF ökar i länet."), Goal("2", "Fler ASF med fler anställda."));
        plan["activities"] = new JsonArray(
            Activity("a1", "1", "Informationsträffar i varje kommun"), Activity("a2", "1", "Frukostmöten för politiker"),
            Activity("a3", "2", "Stöd till nystartade ASF"));
        plan["indicators"] = new JsonArray(
            Indicator("aktiviteter", "CountInPeriod", "InformationEvents", 6, "1", periodStart: "2017-01-01"),
            Indicator("foretag", "StockAtDate", "RegisteredCompanies", 20, "2", baselineValue: 12, baselineDate: "2017-01-01"),
            Indicator("anstallda", "GrowthRelativeToBaseline", "Employed", 10, "2", baselineValue: 20, baselineDate: "2017-01-01"),
            Indicator("arbete-studier", "Rate", "PlacementOutcomeWorkOrStudies", 30, "2", periodStart: "2017-01-01", denominator: "PlacementParticipants"),
            Indicator("lansrad", "Milestone", "InsatsMilestones", 1, "1", periodStart: "2017-01-01", categories: ["lansrad"]));
        await ChangeAsync(HttpMethod.Put, $"{i2017}/plans/2017", plan, await ETagAsync($"{i2017}/plans/2017"));

        // The year's facts: three events (one to be removed, one corrected) and a placement.
        foreach (var (id, code, date) in new[] { ("k2580-infotraff", "2580", "2017-03-14"), ("k2584-frukost", "2584", "2017-04-20"), ("k2581-fel", "2581", "2017-05-02") })
            await CreateAsync($"{i2017}/events", new
            {
                id, date, type = "Informationsmote", title = "Information om ASF", kommunkod = code, organisers = new[] { "Förbundet" },
                audience = new { politicians = 4, employees = 12 },
            });
        await ChangeAsync(HttpMethod.Put, $"{i2017}/placements", new
        {
            id = "p2017-lulea", year = 2017, kommunkod = "2580", placesGranted = 4, targetGroup = "Unga vuxna", dailyRate = 350,
            use = new { placesUsed = 4, participants = 5, participantsWomen = 3, participantsMen = 2 },
            outcomes = new { work = 1, studies = 1, continued = 2 },
        }, await ETagAsync(i2017));

        // A correction (with its reason) and a removal.
        var corrected = (await GetAsync($"{i2017}/events/k2580-infotraff"))["event"]!.DeepClone();
        corrected["title"] = "Informationsträff om ASF i Luleå";
        await ChangeAsync(HttpMethod.Post, $"{i2017}/events?reason={Uri.EscapeDataString("Fel titel angavs")}", corrected,
            await ETagAsync($"{i2017}/events/k2580-infotraff"));
        await ChangeAsync(HttpMethod.Delete, $"{i2017}/events/k2581-fel?reason={Uri.EscapeDataString("Registrerad två gånger")}", null,
            await ETagAsync($"{i2017}/events/k2581-fel"));

        // Next year's plan as a copy of this year's.
        var plan2018 = await CreateAsync($"{i2017}/plans", new { year = 2018, from = "previous" });
        Assert.Equal(["1", "2"], plan2018["content"]!["goals"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
        Assert.Equal(5, plan2018["content"]!["indicators"]!.AsArray().Count);

        // The indicators say what was entered.
        var values = (await GetAsync($"{i2017}/plans/2017/indicators?asOf=2017-12-31")).AsArray()
            .ToDictionary(e => e!["indicatorId"]!.GetValue<string>(), e => e!["value"]?.GetValue<decimal>());
        Assert.Equal(2m, values["aktiviteter"]);                       // three recorded, one removed
        Assert.Equal(18m, values["foretag"]);
        Assert.Equal((women + men - 20) * 100m / 20, values["anstallda"]); // growth in per cent of the baseline of 20
        Assert.Equal(40m, values["arbete-studier"]);                   // (1 work + 1 studies) of 5 participants
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"{i2017}/events/k2581-fel")).StatusCode);

        // The board's documents carry the same figures.
        var handlingsplan = await ReportTextAsync("handlingsplan", new { owner = owner["id"]!.GetValue<string>(), insats = insats["id"]!.GetValue<string>(), year = 2017, asOfDate = "2017-12-31" });
        var lagesrapport = await ReportTextAsync("lagesrapport", new { owner = owner["id"]!.GetValue<string>(), insats = insats["id"]!.GetValue<string>(), asOfDate = "2017-12-31" });
        foreach (var text in new[] { handlingsplan, lagesrapport })
        {
            Assert.Contains(OwnerName, text);
            Assert.Contains("Indikator foretag", text);
        }
        Assert.Contains("Kunskapen om ASF ökar i länet.", handlingsplan);
        Assert.Contains("Informationsträffar i varje kommun", handlingsplan);
        var growth = (women + men - 20) * 100m / 20;
        Assert.Contains($"Indikator anstallda\n+{growth:0} %", lagesrapport);   // outcome cells follow the indicator's name
        Assert.Contains("Indikator foretag\n18 per 2016-05-01\n20", lagesrapport); // a count at a date says whose date: the last registration
        Assert.Contains("Indikator arbete-studier\n40 %", lagesrapport);
        Assert.Contains("Indikator aktiviteter\n2\n6", lagesrapport);
        Assert.DoesNotContain("Gävleborg", handlingsplan + lagesrapport);

        // Every change is in the history, the correction and the removal with their reasons.
        var history = await _api.GetStringAsync($"/api/audit/insats/{owner["id"]!.GetValue<string>()}/{insats["id"]!.GetValue<string>()}");
        Assert.Contains("Fel titel angavs", history);
        Assert.Contains("Registrerad två gånger", history);
    }

    private static JsonObject Goal(string id, string text) => new() { ["id"] = id, ["text"] = text };

    private static JsonObject Activity(string id, string goal, string activity) => new()
    {
        ["id"] = id, ["goalId"] = goal, ["activity"] = activity, ["how"] = "Förbundet bjuder in", ["responsible"] = "Processledaren",
        ["when"] = "Under året",
    };

    private static JsonObject Indicator(string id, string kind, string metric, decimal target, string goal, string? periodStart = null,
        decimal? baselineValue = null, string? baselineDate = null, string? denominator = null, string[]? categories = null)
    {
        var source = new JsonObject { ["metric"] = metric };
        if (denominator is not null) source["denominator"] = denominator;
        if (categories is not null) source["categories"] = new JsonArray(categories.Select(c => (JsonNode)c!).ToArray());
        return new JsonObject
        {
            ["id"] = id, ["title"] = $"Indikator {id}", ["kind"] = kind, ["source"] = source, ["targetValue"] = target,
            ["targetDate"] = "2017-12-31", ["periodStart"] = periodStart, ["baselineValue"] = baselineValue, ["baselineDate"] = baselineDate,
            ["goalId"] = goal,
        };
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        var response = await _api.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<string> ETagAsync(string path)
    {
        var response = await _api.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return response.Headers.ETag!.Tag;
    }

    /// <summary>A create (<c>If-None-Match: *</c>); answers the created thing.</summary>
    private async Task<JsonNode> CreateAsync(string path, object body, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var response = await _api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A change of something read before (<c>If-Match</c>).</summary>
    private async Task ChangeAsync(HttpMethod method, string path, object? body, string etag)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = body is JsonNode node ? new StringContent(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await _api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> ReportTextAsync(string report, object arguments)
    {
        var response = await _api.PostAsJsonAsync($"/api/reports/{report}", arguments);
        Assert.True(response.IsSuccessStatusCode, $"{report}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText)).Replace('\u00a0', ' ').Replace('\u202f', ' '); // the documents keep numbers and units together
    }
}
