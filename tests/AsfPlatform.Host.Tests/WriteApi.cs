using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The write endpoints as data, so the authorization matrix and the ETag tests cover every one of them with the same
/// rows. Each write names the resource whose ETag it must send and a body that is valid for the dataset.
/// </summary>
public sealed record WriteEndpoint(string Name, HttpMethod Method, string Path, string VersionedResource, Func<HttpClient, Task<object>> Body)
{
    public const string Owner = "/api/owners/finsam-gavleborg";
    public const string Insats = Owner + "/insatser/asf-2016-2020";
    public const string Plan = Insats + "/plans/2017";
    /// <summary>Bollnäs: the municipality of the dataset's company asf-gladjeverket.</summary>
    public const string OwnKommun = "2183";
    public const string Company = Owner + "/companies/asf-gladjeverket";

    public override string ToString() => Name;

    public const string Municipality = $"{Owner}/municipalities/{OwnKommun}";

    public static readonly WriteEndpoint MunicipalMilestone = new("kommunens milstolpe", HttpMethod.Put,
        $"{Municipality}/milestones", Municipality, _ => Task.FromResult(MunicipalMilestoneBody(Unique("m"))));

    // A date without figures, so the write records new figures rather than correcting some (which needs a reason).
    public static readonly WriteEndpoint CompanyFigures = new("företagets siffror", HttpMethod.Put, Company + "/figures", Company,
        async client => FiguresBody(await FreeFiguresDateAsync(client)));

    public static object MunicipalMilestoneBody(string id) =>
        new { id, kind = "PolicyAdopted", date = "2017-05-10", title = "Policy för ASF antagen" };

    public static object FiguresBody(string date) => new
    {
        date, employedWomen = 4, employedMen = 3,
        employedTotal = (int?)null, participantsAf = Random.Shared.Next(0, 1000), participantsMunicipality = 1, participantsOther = 0,
    };

    /// <summary>A date of 2017 that the company has no figures for yet.</summary>
    public static async Task<string> FreeFiguresDateAsync(HttpClient client)
    {
        var taken = (await client.GetFromJsonAsync<JsonElement>(Company)).GetProperty("figures").EnumerateArray()
            .Select(f => f.GetProperty("date").GetString()).ToHashSet();
        while (true)
        {
            // 31 December is left to CorrectionTests.
            var date = new DateOnly(2017, 1, 1).AddDays(Random.Shared.Next(0, 364)).ToString("yyyy-MM-dd");
            if (!taken.Contains(date)) return date;
        }
    }

    /// <summary>An event of the own office that the event rows update: an event carries its own version (ETag).</summary>
    public const string SharedEventId = $"k{OwnKommun}-delad";
    public const string SharedEvent = Insats + "/events/" + SharedEventId;

    /// <summary>The event rows correct the shared event, so they say why (a correction needs a reason).</summary>
    public static readonly WriteEndpoint Event = new("aktivitet", HttpMethod.Post, Insats + "/events?reason=R%C3%A4ttat%20i%20test", SharedEvent,
        _ => Task.FromResult<object>(EventBody(SharedEventId, Unique("Frukostmöte om ASF"))));

    public static readonly WriteEndpoint Placement = new("placering", HttpMethod.Put, Insats + "/placements", Insats,
        _ => Task.FromResult(PlacementBody(Unique("p"))));

    public static readonly WriteEndpoint NarrativeMilestone = new("milstolpe i berättelsen", HttpMethod.Put, Insats + "/milestones", Insats,
        _ => Task.FromResult(NarrativeBody(Unique("n"))));

    public static object PlacementBody(string id, int work = 1) => new
    {
        id, year = 2017, kommunkod = OwnKommun, placesGranted = 3, targetGroup = "Unga vuxna", dailyRate = 200,
        use = new { placesUsed = 2, participants = 3, participantsWomen = 2, participantsMen = 1, days = 40 },
        outcomes = new { work, studies = 1 },
    };

    public static object NarrativeBody(string id) => new { id, year = 2017, date = "2017-09-01", text = "Nätverket träffades i Bollnäs." };

    public static readonly WriteEndpoint PlanContent = new("handlingsplanen", HttpMethod.Put, Plan, Plan, async client =>
    {
        var plan = JsonNode.Parse(await client.GetStringAsync(Plan))!;
        var content = plan["content"]!;
        content["title"] = $"Handlingsplan 2017 ({Unique("rev")})";
        return content;
    });

    /// <summary>The owner's profile as read, with the organisation number set or cleared (so every write changes it).</summary>
    public static readonly WriteEndpoint OwnerProfile = new("organisationen", HttpMethod.Put, Owner, Owner, async client =>
    {
        var owner = JsonNode.Parse(await client.GetStringAsync(Owner))!;
        return new JsonObject
        {
            ["name"] = owner["name"]!.GetValue<string>(), ["kind"] = owner["kind"]!.GetValue<string>(),
            ["organisationNumber"] = owner["organisationNumber"] is null ? "202100-5489" : null,
            ["subregions"] = owner["subregions"]!.DeepClone(), ["partners"] = owner["partners"]!.DeepClone(),
        };
    });

    public static readonly WriteEndpoint CompanyRecord = new("företaget", HttpMethod.Put, Company, Company, async client =>
    {
        var company = JsonNode.Parse(await client.GetStringAsync(Company))!["company"]!;
        company["note"] = Unique("Anteckning");
        return company;
    });

    // Each closing moves the date one day on, so every accepted closing is a change.
    private static int _closings;
    private static string NextClosing(DateOnly from) => from.AddDays(Interlocked.Increment(ref _closings) % 365).ToString("yyyy-MM-dd");

    public static readonly WriteEndpoint CompanyClose = new("avsluta företaget", HttpMethod.Post, Company + "/close", Company,
        _ => Task.FromResult<object>(new { date = NextClosing(new(2019, 1, 1)) }));

    public static readonly WriteEndpoint InsatsRecord = new("insatsen", HttpMethod.Put, Insats, Insats, async client =>
    {
        var insats = JsonNode.Parse(await client.GetStringAsync(Insats))!["insats"]!;
        insats["description"] = Unique("Beskrivning");
        return insats;
    });

    /// <summary>Closes the dataset's insats late in its period, after every fact the other rows record (2017).</summary>
    public static readonly WriteEndpoint InsatsClose = new("avsluta insatsen", HttpMethod.Post, Insats + "/close", Insats,
        _ => Task.FromResult<object>(new { date = NextClosing(new(2020, 1, 1)) }));


    /// <summary>The insats' own texts as read, with the analysis changed (so every write is a change).</summary>
    public static readonly WriteEndpoint InsatsTexts = new("insatsens texter", HttpMethod.Put, Insats + "/narrative", Insats, async client =>
    {
        var texts = JsonNode.Parse(await client.GetStringAsync(Insats + "/narrative"))!;
        texts["analysis"] = Unique("Analys");
        return texts;
    });

    /// <summary>Moves the own office's municipality to the other of Gävleborg's subregions.</summary>
    public static readonly WriteEndpoint MunicipalitySubregion = new("kommunens delregion", HttpMethod.Put,
        $"{Owner}/municipalities/{OwnKommun}", $"{Owner}/municipalities/{OwnKommun}", async client =>
        {
            var municipality = JsonNode.Parse(await client.GetStringAsync($"{Owner}/municipalities/{OwnKommun}"))!;
            return new { subregion = municipality["subregion"]?.GetValue<string>() == "Halsingland" ? "Gastrikland" : "Halsingland" };
        });

    public static IReadOnlyList<WriteEndpoint> All { get; } =
        [MunicipalMilestone, CompanyFigures, Event, Placement, NarrativeMilestone, PlanContent, OwnerProfile, MunicipalitySubregion,
         CompanyRecord, CompanyClose, InsatsRecord, InsatsClose, InsatsTexts];

    public static WriteEndpoint ByName(string name) => All.Concat(Removals).Single(e => e.Name == name);

    // Removals: the body made with the admin client records a fact of the own office and names the DELETE to send.

    /// <summary>A fact recorded for a removal row: the address of its DELETE.</summary>
    public sealed record Removal(string Path);

    /// <summary>The reason every removal row gives.</summary>
    public const string RemovalReason = "Registrerad av misstag";

    /// <summary>The event the removal rows remove (recorded again by the next row); its ETag is its own version.</summary>
    public const string RemovableEvent = Insats + "/events/k" + OwnKommun + "-rattas";

    public static readonly WriteEndpoint RemoveEvent = new("ta bort aktivitet", HttpMethod.Delete, Insats + "/events", RemovableEvent,
        async admin =>
        {
            if ((await admin.GetAsync(RemovableEvent)).StatusCode == System.Net.HttpStatusCode.NotFound)
                (await Event.CreateAsync(admin, EventBody(RemovableEvent.Split('/')[^1], "Aktivitet som tas bort"))).EnsureSuccessStatusCode();
            return new Removal(RemovableEvent);
        });

    public static readonly WriteEndpoint RemoveMunicipalMilestone = new("ta bort kommunens milstolpe", HttpMethod.Delete,
        $"{Municipality}/milestones", Municipality, admin => RecordForRemovalAsync(admin, MunicipalMilestone, Unique("m"), MunicipalMilestoneBody));

    public static readonly WriteEndpoint RemoveNarrativeMilestone = new("ta bort milstolpe i berättelsen", HttpMethod.Delete,
        Insats + "/milestones", Insats, admin => RecordForRemovalAsync(admin, NarrativeMilestone, Unique("n"), NarrativeBody));

    public static readonly WriteEndpoint RemovePlacement = new("ta bort placering", HttpMethod.Delete, Insats + "/placements", Insats,
        admin => RecordForRemovalAsync(admin, Placement, Unique("p"), id => PlacementBody(id)));

    public static readonly WriteEndpoint RemoveFigures = new("ta bort företagets siffror", HttpMethod.Delete, Company + "/figures", Company,
        async admin => await RecordForRemovalAsync(admin, CompanyFigures, await FreeFiguresDateAsync(admin), FiguresBody));

    public static IReadOnlyList<WriteEndpoint> Removals { get; } =
        [RemoveEvent, RemoveMunicipalMilestone, RemoveNarrativeMilestone, RemovePlacement, RemoveFigures];

    /// <summary>Records a fact through <paramref name="record"/> and answers the DELETE of it (path + "/" + id).</summary>
    public static async Task<object> RecordForRemovalAsync(HttpClient admin, WriteEndpoint record, string id, Func<string, object> body)
    {
        (await record.SendAsync(admin, await ETagAsync(admin, record.VersionedResource), body(id))).EnsureSuccessStatusCode();
        return new Removal($"{record.Path}/{id}");
    }

    /// <summary>Sends a removal with the given If-Match (or none) and reason (or none).</summary>
    public static async Task<HttpResponseMessage> RemoveAsync(HttpClient client, string path, string? ifMatch, string? reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, reason is null ? path : $"{path}?reason={Uri.EscapeDataString(reason)}");
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static object EventBody(string id, string title, string kommunkod = OwnKommun) => new
    {
        id, date = "2017-04-04", type = "Frukostmote", title, kommunkod, organisers = new[] { "Coompanion" },
        audience = new { employees = 12, politicians = 2 },
    };

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>The current ETag of a resource (read with an admin client, which may read everything).</summary>
    public static async Task<string> ETagAsync(HttpClient client, string resource)
    {
        var response = await client.GetAsync(resource);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound && resource == SharedEvent)
        {
            await Event.CreateAsync(client, EventBody(SharedEventId, "Frukostmöte om ASF")); // created on first use
            response = await client.GetAsync(resource);
        }
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    /// <summary>Sends the write with the given If-Match (or none).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, string? ifMatch, object? body = null)
    {
        if (body is Removal removal)
            return await RemoveAsync(client, removal.Path, ifMatch, RemovalReason);
        using var request = new HttpRequestMessage(Method, Path) { Content = JsonContent.Create(body ?? await Body(client)) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>Sends the write as a create only (<c>If-None-Match: *</c>, no If-Match).</summary>
    public async Task<HttpResponseMessage> CreateAsync(HttpClient client, object? body = null)
    {
        using var request = new HttpRequestMessage(Method, Path) { Content = JsonContent.Create(body ?? await Body(client)) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
