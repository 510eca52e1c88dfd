using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Host.Api.OpenApi;
using AsfPlatform.Host.Domain;
using Orleans;

namespace AsfPlatform.Host.Api;

/// <summary>The domain over HTTP: owners, municipalities, companies, yearly plans, indicator status, findings.</summary>
internal static class DomainEndpoints
{
    public static IEndpointRouteBuilder MapDomainEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapOwnerGroup()
            .WithTags("Insatser");

        owner.MapGet("/", async (string owner, DomainReader reader, HttpContext http) =>
        {
            var snapshot = await reader.OwnerAsync(owner);
            return snapshot.Exists ? Versioning.WithETag(http, snapshot) : ApiProblems.NotFound($"Ägaren {owner}");
        })
            .WithSummary("Läser en organisation: profil, delregioner, samverkansparter och vad den har (med ETag)")
            .ReadsVersioned<OwnerSnapshot>();

        owner.MapGet("/municipalities", async (string owner, DomainReader reader) =>
            TypedResults.Ok(await reader.MunicipalitiesAsync(owner)))
            .WithSummary("Organisationens kommuner med milstolpar");

        owner.MapGet("/municipalities/{kommunkod}", async (string owner, string kommunkod, DomainReader reader, HttpContext http) =>
        {
            var snapshot = await reader.MunicipalityAsync(owner, kommunkod);
            return snapshot.Exists ? Versioning.WithETag(http, snapshot) : ApiProblems.NotFound($"Kommunen {kommunkod}");
        })
            .WithSummary("Läser en kommun med dess milstolpar (med ETag)")
            .ReadsVersioned<MunicipalitySnapshot>();

        // Writes: If-Match carries the version read (428 without, 412 when stale); the writer checks scope and audits.
        // Replacing a recorded fact (same id, or the same date for figures) needs ?reason= (3–500 characters).
        owner.MapPut("/municipalities/{kommunkod}/milestones", (string owner, string kommunkod, MunicipalMilestone milestone, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Municipality(owner, kommunkod),
                v => writer.RecordMunicipalMilestoneAsync(user, owner, kommunkod, milestone, v, reason)))
            .WithSummary(CorrectionEndpoints.RecordSummary("en milstolpe för kommunen"))
            .Changes<MunicipalitySnapshot>("kommunens")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapPut("/companies/{companyId}/figures", (string owner, string companyId, CompanyFigures figures, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Company(owner, companyId),
                v => writer.RecordCompanyFiguresAsync(user, owner, companyId, figures, v, reason)))
            .WithSummary(CorrectionEndpoints.RecordSummary("företagets siffror per datum"))
            .Changes<CompanySnapshot>("företagets")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapGet("/insatser/{insatsId}", async (string owner, string insatsId, DomainReader reader, HttpContext http) =>
        {
            var snapshot = await reader.InsatsAsync(owner, insatsId);
            return snapshot.Exists ? Versioning.WithETag(http, snapshot) : ApiProblems.NotFound($"Insatsen {insatsId}");
        })
            .WithSummary("Läser en insats med placeringar och milstolpar (med ETag)")
            .ReadsVersioned<InsatsSnapshot>();

        // An event has its own version: If-Match names the event's ETag (read here), so offices never race each other.
        owner.MapGet("/insatser/{insatsId}/events/{eventId}", async (string owner, string insatsId, string eventId, DomainReader reader,
            HttpContext http) =>
        {
            var snapshot = await reader.EventAsync(owner, insatsId, eventId);
            return snapshot.Exists ? Versioning.WithETag(http, snapshot) : ApiProblems.NotFound($"Aktiviteten {eventId}");
        })
            .WithSummary("Läser en aktivitet med dess egen ETag")
            .ReadsVersioned<EventSnapshot>();

        owner.MapPost("/insatser/{insatsId}/events", (string owner, string insatsId, InformationEvent informationEvent, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            Versioning.IsCreateOnly(http.Request)
                ? EndpointWrites.CreateAsync(http, () => writer.RecordEventAsync(user, owner, insatsId, informationEvent, expected: null, reason))
                : EndpointWrites.ChangeAsync(http, ResourcePaths.Event(owner, insatsId, informationEvent.Id),
                    v => writer.RecordEventAsync(user, owner, insatsId, informationEvent, v, reason)))
            .WithSummary(CorrectionEndpoints.RecordSummary("en aktivitet"))
            .WithDescription("En ny aktivitet skapas med `If-None-Match: *`; en registrerad ändras med `If-Match` och aktivitetens egen ETag " +
                "(från GET …/events/{eventId}), inte insatsens. Utan id skapas ett.")
            .CreatesOrChanges<EventSnapshot>("aktivitetens")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapPut("/insatser/{insatsId}/placements", (string owner, string insatsId, Placement placement, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId),
                v => writer.RecordPlacementAsync(user, owner, insatsId, placement, v, reason)))
            .WithSummary(CorrectionEndpoints.RecordSummary("en placering"))
            .Changes<InsatsSnapshot>("insatsens")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapPut("/insatser/{insatsId}/milestones", (string owner, string insatsId, NarrativeMilestone milestone, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId),
                v => writer.RecordNarrativeMilestoneAsync(user, owner, insatsId, milestone, v, reason)))
            .WithSummary(CorrectionEndpoints.RecordSummary("en milstolpe i insatsens berättelse"))
            .Changes<InsatsSnapshot>("insatsens")
            .RequireAuthorization(AccessPolicies.Admin);

        owner.MapPut("/insatser/{insatsId}/plans/{year:int}", (string owner, string insatsId, int year, PlanContent content,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            !IsCalendarYear(year) ? Task.FromResult(PlanNotFound(year))
                : EndpointWrites.ChangeAsync(http, ResourcePaths.Plan(owner, insatsId, year), v => writer.SavePlanAsync(user, owner, insatsId, year, content, v)))
            .WithSummary("Sparar årets handlingsplan: hela innehållet ersätter det sparade")
            .Changes<PlanSnapshot>("handlingsplanens")
            .RequireAuthorization(AccessPolicies.Admin);

        owner.MapGet("/companies", async (string owner, DomainReader reader) =>
            TypedResults.Ok(await reader.CompaniesAsync(owner)))
            .WithSummary("Organisationens ASF-företag med siffror");

        owner.MapGet("/companies/{companyId}", async (string owner, string companyId, DomainReader reader, HttpContext http) =>
        {
            var snapshot = await reader.CompanyAsync(owner, companyId);
            return snapshot.Company is not null ? Versioning.WithETag(http, snapshot) : ApiProblems.NotFound($"Företaget {companyId}");
        })
            .WithSummary("Läser ett företag med dess siffror (med ETag)")
            .ReadsVersioned<CompanySnapshot>();

        owner.MapGet("/insatser/{insatsId}/plans/{year:int}", async (string owner, string insatsId, int year, DomainReader reader,
            HttpContext http) =>
        {
            var snapshot = await ExistingPlanAsync(reader, owner, insatsId, year);
            return snapshot is not null ? Versioning.WithETag(http, snapshot) : PlanNotFound(year);
        })
            .WithSummary("Läser årets handlingsplan med levande indikatorer (med ETag)")
            .ReadsVersioned<PlanSnapshot>();

        owner.MapGet("/insatser/{insatsId}/plans/{year:int}/indicators", async (string owner, string insatsId, int year,
            DateOnly? asOf, DomainReader reader) =>
        {
            // As the plan itself: a year no calendar has, or a plan not made, is not found (not an empty list, not 500).
            if (await ExistingPlanAsync(reader, owner, insatsId, year) is not { } snapshot)
                return PlanNotFound(year);
            return asOf is { } date
                ? TypedResults.Ok(await reader.EvaluateAsync(owner, insatsId, year, date))
                : TypedResults.Ok(snapshot.Indicators);
        })
            .WithSummary("Handlingsplanens indikatorer, eller deras värden per ett datum (asOf, ÅÅÅÅ-MM-DD)")
            .Produces<IReadOnlyList<IndicatorEvaluation>>();

        owner.MapGet("/findings", async (string owner, string? insatsId, DomainReader reader) =>
            TypedResults.Ok(await reader.FindingsAsync(owner, insatsId)))
            .WithSummary("Datakvalitet: avvikelser i organisationens uppgifter (för en insats med insatsId)");

        return endpoints;
    }

    // A plan year that is no date's year (0, 12000) names no plan; asking the grains for it would fail on the dates.
    private static bool IsCalendarYear(int year) => year is >= 1 and <= 9999;

    /// <summary>The plan of <paramref name="year"/>, or null when no calendar has the year or the plan is not made.</summary>
    private static async Task<PlanSnapshot?> ExistingPlanAsync(DomainReader reader, string owner, string insatsId, int year) =>
        IsCalendarYear(year) && await reader.PlanAsync(owner, insatsId, year) is { Exists: true } snapshot ? snapshot : null;

    private static IResult PlanNotFound(int year) => ApiProblems.NotFound($"Handlingsplanen {year}");
}
