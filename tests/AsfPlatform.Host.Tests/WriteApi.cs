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

    public static readonly WriteEndpoint MunicipalMilestone = new("kommunens milstolpe", HttpMethod.Put,
        $"{Owner}/municipalities/{OwnKommun}/milestones", $"{Owner}/municipalities/{OwnKommun}",
        _ => Task.FromResult<object>(new { id = Unique("m"), kind = "PolicyAdopted", date = "2017-05-10", title = "Policy för ASF antagen" }));

    public static readonly WriteEndpoint CompanyFigures = new("företagets siffror", HttpMethod.Put, Company + "/figures", Company,
        _ => Task.FromResult<object>(new
        {
            date = $"2017-{Random.Shared.Next(1, 12):00}-{Random.Shared.Next(1, 28):00}", employedWomen = 4, employedMen = 3,
            employedTotal = (int?)null, participantsAf = Random.Shared.Next(0, 1000), participantsMunicipality = 1, participantsOther = 0,
        }));

    /// <summary>An event of the own office that the event rows update: an event carries its own version (ETag).</summary>
    public const string SharedEventId = $"k{OwnKommun}-delad";
    public const string SharedEvent = Insats + "/events/" + SharedEventId;

    public static readonly WriteEndpoint Event = new("aktivitet", HttpMethod.Post, Insats + "/events", SharedEvent,
        _ => Task.FromResult<object>(EventBody(SharedEventId, Unique("Frukostmöte om ASF"))));

    public static readonly WriteEndpoint Placement = new("placering", HttpMethod.Put, Insats + "/placements", Insats,
        _ => Task.FromResult<object>(new
        {
            id = Unique("p"), year = 2017, kommunkod = OwnKommun, placesGranted = 3, targetGroup = "Unga vuxna", dailyRate = 200,
            use = new { placesUsed = 2, participants = 3, participantsWomen = 2, participantsMen = 1, days = 40 },
            outcomes = new { work = 1, studies = 1 },
        }));

    public static readonly WriteEndpoint NarrativeMilestone = new("milstolpe i berättelsen", HttpMethod.Put, Insats + "/milestones", Insats,
        _ => Task.FromResult<object>(new { id = Unique("n"), year = 2017, date = "2017-09-01", text = "Nätverket träffades i Bollnäs." }));

    public static readonly WriteEndpoint PlanContent = new("handlingsplanen", HttpMethod.Put, Plan, Plan, async client =>
    {
        var plan = JsonNode.Parse(await client.GetStringAsync(Plan))!;
        var content = plan["content"]!;
        content["title"] = $"Handlingsplan 2017 ({Unique("rev")})";
        return content;
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

    public static IReadOnlyList<WriteEndpoint> All { get; } =
        [MunicipalMilestone, CompanyFigures, Event, Placement, NarrativeMilestone, PlanContent, CompanyRecord, CompanyClose, InsatsRecord, InsatsClose];

    public static WriteEndpoint ByName(string name) => All.Single(e => e.Name == name);

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
