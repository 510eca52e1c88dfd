using System.Security.Claims;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using Orleans;

namespace AsfPlatform.Host.Domain;

/// <summary>The caller's role or organisation may not change this record. Nothing was stored.</summary>
public sealed class ScopeForbiddenException(string message) : Exception(message);

/// <summary>
/// Every change the web host makes to the domain, for the REST API and the Razor forms alike: checks the caller's
/// scope (partner offices touch only their own municipality), passes the expected version to the grain (which
/// refuses a stale one and stores nothing), and hands the grain the change's audit note with before and after, which
/// the grain stores in the same state write as the change (docs/adr/0004-audit-outbox.md): a change and its audit
/// entry are stored together or not at all. Each area of changes lives in a file of its own (<c>DomainWriter.*.cs</c>);
/// the scope and audit helpers are here.
/// </summary>
public sealed partial class DomainWriter(IGrainFactory grains)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Audit entity types, so history pages can ask for them.</summary>
    public const string Municipality = "kommun", Company = "företag", Insats = "insats", Plan = "handlingsplan";

    /// <summary>Records or replaces a municipal milestone; replacing one needs a <paramref name="reason"/>.</summary>
    public async Task<MunicipalitySnapshot> RecordMunicipalMilestoneAsync(ClaimsPrincipal user, string owner, string kommunkod,
        MunicipalMilestone milestone, long expected, string? reason = null)
    {
        RequireMunicipality(user, kommunkod);
        var key = GrainKeys.Municipality(owner, kommunkod);
        var grain = grains.GetGrain<IMunicipalityGrain>(key);
        var before = await grain.GetSnapshot();
        if (!before.Exists)
            throw new NotFoundException($"Kommunen {kommunkod}");
        reason = ReasonFor(before.Milestones.Any(m => m.Id == milestone.Id), reason);
        // The municipality as it will be (the grain keeps its milestones in date order).
        var after = before with
        {
            Milestones = before.Milestones.Where(m => m.Id != milestone.Id).Append(milestone).OrderBy(m => m.Date).ToList(),
            Version = before.Version + 1,
        };
        return await grain.RecordMilestone(new RecordMunicipalMilestone(milestone, expected,
            Note(user, Municipality, key, $"milstolpe registrerad: {milestone.Title}", before, after, reason)));
    }

    /// <summary>Records or replaces (by date) a company's figures; replacing a date's figures needs a <paramref name="reason"/>.</summary>
    public async Task<CompanySnapshot> RecordCompanyFiguresAsync(ClaimsPrincipal user, string owner, string companyId,
        CompanyFigures figures, long expected, string? reason = null)
    {
        var (key, grain, before) = await RequireCompanyAsync(user, owner, companyId);
        var replaced = before.Figures.FirstOrDefault(f => f.Date == figures.Date);
        reason = ReasonFor(replaced is not null, reason);
        return await grain.RecordFigures(new RecordCompanyFigures(figures, expected,
            Note(user, Company, key, $"siffror registrerade per {figures.Date:yyyy-MM-dd}", replaced, figures, reason)));
    }

    /// <summary>
    /// Records or replaces an information event. A partner office records events in its own municipality only, with
    /// ids that start with its kommun prefix ("k2180-"), so it can never replace another office's event; county-wide
    /// events (no municipality) are the association's. <paramref name="expected"/> is the event's own version; null
    /// creates a new event (refused when the id is taken). Replacing an event needs a <paramref name="reason"/>, and a
    /// partner office may replace only an event stored under its own municipality.
    /// </summary>
    public async Task<EventSnapshot> RecordEventAsync(ClaimsPrincipal user, string owner, string insatsId,
        InformationEvent informationEvent, long? expected, string? reason = null)
    {
        informationEvent = informationEvent with
        {
            Organisers = informationEvent.Organisers ?? [],
            Audience = informationEvent.Audience ?? new Audience(),
        };
        if (string.IsNullOrWhiteSpace(informationEvent.Id))
            informationEvent = informationEvent with { Id = NewId(informationEvent.Kommunkod) };
        if (user.GetRole() != AccessRole.Förbundsadmin)
        {
            if (informationEvent.Kommunkod is null)
                throw new ScopeForbiddenException("Länsövergripande aktiviteter (utan kommun) registreras av förbundet.");
            RequireMunicipality(user, informationEvent.Kommunkod);
            if (!informationEvent.Id.StartsWith(IdPrefix(informationEvent.Kommunkod), StringComparison.Ordinal))
                throw new ScopeForbiddenException($"Id för kommun {informationEvent.Kommunkod}s aktiviteter börjar med \"{IdPrefix(informationEvent.Kommunkod)}\".");
        }
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        if (informationEvent.Kommunkod is not null)
            await RequireOwnerMunicipalityAsync(user, owner, informationEvent.Kommunkod);
        var stored = expected is null ? null : (await grain.GetEvent(informationEvent.Id)).Event;
        if (stored is not null)
        {
            RequireStoredEventScope(user, stored);
            // The municipality decides who may change the event, so it stays what it was when the event was recorded.
            if (stored.Kommunkod != informationEvent.Kommunkod)
                throw AsfPlatform.Domain.Validation.ValidationException.For("kommunkod",
                    "En aktivitets kommun kan inte ändras. Ta bort aktiviteten och registrera den på nytt i rätt kommun.");
        }
        reason = ReasonFor(stored is not null, reason);
        // No expected version: a create (If-None-Match: *) that only needs the id to be free.
        // The event's version after the change: one more than the expected (a create starts at 1).
        var note = Note(user, Insats, key, $"aktivitet registrerad: {informationEvent.Id}", new { version = expected, aktivitet = stored },
            new { version = (expected ?? 0) + 1, aktivitet = informationEvent }, reason);
        return await grain.SaveEvent(new RecordInformationEvent(informationEvent, expected, CreateOnly: expected is null, note));
    }

    /// <summary>Records or replaces a placement grant with its use and outcomes (partner offices: their municipality);
    /// replacing one needs a <paramref name="reason"/>.</summary>
    public async Task<InsatsSnapshot> RecordPlacementAsync(ClaimsPrincipal user, string owner, string insatsId, Placement placement,
        long expected, string? reason = null)
    {
        RequireMunicipality(user, placement.Kommunkod);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        await RequireOwnerMunicipalityAsync(user, owner, placement.Kommunkod);
        var before = (await grain.GetPlacements()).FirstOrDefault(p => p.Id == placement.Id);
        if (before is not null)
            RequireMunicipality(user, before.Kommunkod);
        reason = ReasonFor(before is not null, reason);
        return await grain.RecordPlacement(new RecordPlacement(placement, expected,
            Note(user, Insats, key, $"placering registrerad: {placement.Id}", before, placement, reason)));
    }

    /// <summary>Records or replaces a narrative milestone of the insats (the association only); replacing one needs a
    /// <paramref name="reason"/>.</summary>
    public async Task<InsatsSnapshot> RecordNarrativeMilestoneAsync(ClaimsPrincipal user, string owner, string insatsId,
        NarrativeMilestone milestone, long expected, string? reason = null)
    {
        RequireAdmin(user);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = (await grain.GetSnapshot()).Milestones.FirstOrDefault(m => m.Id == milestone.Id);
        reason = ReasonFor(before is not null, reason);
        return await grain.RecordMilestone(new RecordNarrativeMilestone(milestone, expected,
            Note(user, Insats, key, $"milstolpe i berättelsen: {milestone.Id}", before, milestone, reason)));
    }

    /// <summary>Replaces a yearly plan's content: sections, goals, activities, indicators (the association only).</summary>
    public async Task<PlanSnapshot> SavePlanAsync(ClaimsPrincipal user, string owner, string insatsId, int year, PlanContent content,
        long expected)
    {
        RequireAdmin(user);
        var key = GrainKeys.Plan(owner, insatsId, year);
        var grain = grains.GetGrain<IYearlyPlanGrain>(key);
        var before = await grain.GetSnapshot();
        if (!before.Exists)
            throw new NotFoundException($"Handlingsplanen {year}");
        return await grain.Save(new SavePlan(content, expected, Note(user, Plan, key, "handlingsplan ändrad", before.Content, content)));
    }

    /// <summary>The id prefix of a municipality's events ("k2180-").</summary>
    public static string IdPrefix(string? kommunkod) => kommunkod is null ? "lan-" : $"k{kommunkod}-";

    /// <summary>A new event id in the municipality's id space.</summary>
    public static string NewId(string? kommunkod) => IdPrefix(kommunkod) + Guid.NewGuid().ToString("N")[..12];

    private async Task<IInsatsGrain> RequireInsatsAsync(string key, string insatsId)
    {
        var grain = grains.GetGrain<IInsatsGrain>(key);
        // The grain refuses facts before it is defined; asking first gives the caller a 404 rather than a 400.
        if (!(await grain.GetSnapshot()).Exists)
            throw new NotFoundException($"Insatsen {insatsId}");
        return grain;
    }

    private static void RequireMunicipality(ClaimsPrincipal user, string kommunkod)
    {
        if (!user.CanEditMunicipality(kommunkod))
            throw new ScopeForbiddenException($"Din roll får inte ändra uppgifter för kommun {kommunkod}.");
    }

    private static void RequireAdmin(ClaimsPrincipal user)
    {
        if (user.GetRole() != AccessRole.Förbundsadmin)
            throw new ScopeForbiddenException("Bara förbundsadmin får ändra insatsen och handlingsplanen.");
    }

    /// <summary>
    /// The audit note of a change, handed to the grain with the change: the grain keeps it only if it stores the change,
    /// and then in the same write. The audit names a thing by its path ("finsam-gavleborg/k2180"), not by its grain key.
    /// </summary>
    private static AuditNote Note(ClaimsPrincipal user, string entityType, string grainKey, string action, object? before, object? after,
        string? reason = null) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, user.Identity!.Name!, entityType, GrainKeys.PathOf(grainKey), action,
            before is null ? null : JsonSerializer.Serialize(before, Json), after is null ? null : JsonSerializer.Serialize(after, Json),
            reason);
}
