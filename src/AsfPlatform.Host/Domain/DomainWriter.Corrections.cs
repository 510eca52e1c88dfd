using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Host.Domain;

// Corrections and removals of recorded facts. Each one carries the user's reason, which the audit entry keeps beside
// the fact as it was; the grains push the change to the plans, so indicators and reports move at once.
public sealed partial class DomainWriter
{
    /// <summary>The shortest and longest reason a correction or removal accepts.</summary>
    public const int ReasonMinLength = 3, ReasonMaxLength = 500;

    /// <summary>The field that names the reason, in API problems and form errors alike.</summary>
    public const string ReasonField = "reason";

    /// <summary>Removes an information event; the scope is that of the event as stored, whatever the caller says.</summary>
    public async Task<EventSnapshot> RemoveEventAsync(ClaimsPrincipal user, string owner, string insatsId, string eventId,
        long expected, string? reason)
    {
        reason = RequireReason(reason);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = await grain.GetEvent(eventId);
        if (!before.Exists)
            throw new NotFoundException($"Aktiviteten {eventId}");
        RequireStoredEventScope(user, before.Event!);
        await grain.RemoveEvent(eventId, expected,
            Note(user, Insats, key, $"aktivitet borttagen: {eventId}", new { version = before.Version, aktivitet = before.Event }, null, reason));
        return await grain.GetEvent(eventId);
    }

    /// <summary>Removes a municipal milestone (partner offices: their own municipality).</summary>
    public async Task<MunicipalitySnapshot> RemoveMunicipalMilestoneAsync(ClaimsPrincipal user, string owner, string kommunkod,
        string milestoneId, long expected, string? reason)
    {
        reason = RequireReason(reason);
        RequireMunicipality(user, kommunkod);
        var key = GrainKeys.Municipality(owner, kommunkod);
        var grain = grains.GetGrain<IMunicipalityGrain>(key);
        var before = (await grain.GetSnapshot()).Milestones.FirstOrDefault(m => m.Id == milestoneId)
            ?? throw new NotFoundException($"Milstolpen {milestoneId} i kommun {kommunkod}");
        return await grain.RemoveMilestone(milestoneId, expected,
            Note(user, Municipality, key, $"milstolpe borttagen: {before.Title}", before, null, reason));
    }

    /// <summary>Removes a narrative milestone of the insats (the association only).</summary>
    public async Task<InsatsSnapshot> RemoveNarrativeMilestoneAsync(ClaimsPrincipal user, string owner, string insatsId,
        string milestoneId, long expected, string? reason)
    {
        reason = RequireReason(reason);
        RequireAdmin(user);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = (await grain.GetSnapshot()).Milestones.FirstOrDefault(m => m.Id == milestoneId)
            ?? throw new NotFoundException($"Milstolpen {milestoneId}");
        return await grain.RemoveMilestone(milestoneId, expected,
            Note(user, Insats, key, $"milstolpe i berättelsen borttagen: {milestoneId}", before, null, reason));
    }

    /// <summary>Removes a placement; partner offices only those of their own municipality (as stored).</summary>
    public async Task<InsatsSnapshot> RemovePlacementAsync(ClaimsPrincipal user, string owner, string insatsId, string placementId,
        long expected, string? reason)
    {
        reason = RequireReason(reason);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = (await grain.GetPlacements()).FirstOrDefault(p => p.Id == placementId)
            ?? throw new NotFoundException($"Placeringen {placementId}");
        RequireMunicipality(user, before.Kommunkod);
        return await grain.RemovePlacement(placementId, expected,
            Note(user, Insats, key, $"placering borttagen: {placementId}", before, null, reason));
    }

    /// <summary>Removes a company's figures of one date (partner offices: companies of their own municipality).</summary>
    public async Task<CompanySnapshot> RemoveCompanyFiguresAsync(ClaimsPrincipal user, string owner, string companyId, DateOnly date,
        long expected, string? reason)
    {
        reason = RequireReason(reason);
        var key = GrainKeys.Company(owner, companyId);
        var grain = grains.GetGrain<ICompanyGrain>(key);
        var company = await grain.GetSnapshot();
        if (company.Company is null)
            throw new NotFoundException($"Företaget {companyId}");
        RequireMunicipality(user, company.Kommunkod!);
        var before = company.Figures.FirstOrDefault(f => f.Date == date)
            ?? throw new NotFoundException($"Siffrorna per {date:yyyy-MM-dd} för företaget {companyId}");
        return await grain.RemoveFigures(date, expected,
            Note(user, Company, key, $"siffror borttagna per {date:yyyy-MM-dd}", before, null, reason));
    }

    /// <summary>
    /// The reason of a write: required (<paramref name="replaces"/>) when it replaces a recorded fact, checked whenever
    /// given. Answers the trimmed reason, or null when none was needed or given.
    /// </summary>
    private static string? ReasonFor(bool replaces, string? reason) =>
        replaces || !string.IsNullOrWhiteSpace(reason) ? RequireReason(reason) : null;

    /// <summary>A correction's reason: 3–500 characters, never a personal identity number (the free-text guard).</summary>
    private static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim();
        var validator = new Validator();
        if (string.IsNullOrEmpty(trimmed))
            validator.Add(ReasonField, $"Ange en anledning till ändringen ({ReasonMinLength}–{ReasonMaxLength} tecken).");
        else
            validator.Require(trimmed.Length >= ReasonMinLength, ReasonField, $"Anledningen måste vara minst {ReasonMinLength} tecken.")
                .Text(ReasonField, trimmed, ReasonMaxLength);
        validator.ThrowIfInvalid();
        return trimmed!;
    }

    /// <summary>
    /// Whether the user may correct or remove a fact stored under <paramref name="kommunkod"/> (null: county-wide):
    /// the association all, a partner office those of its own municipality.
    /// </summary>
    public static bool MayChange(ClaimsPrincipal user, string? kommunkod) =>
        user.GetRole() == AccessRole.Förbundsadmin || (kommunkod is not null && user.CanEditMunicipality(kommunkod));

    /// <summary>A partner office changes an event only when the event as stored belongs to its municipality.</summary>
    private static void RequireStoredEventScope(ClaimsPrincipal user, AsfPlatform.Domain.Model.InformationEvent stored)
    {
        if (!MayChange(user, stored.Kommunkod))
            throw new ScopeForbiddenException(stored.Kommunkod is null
                ? "Länsövergripande aktiviteter (utan kommun) ändras av förbundet."
                : $"Din roll får inte ändra uppgifter för kommun {stored.Kommunkod}.");
    }
}
