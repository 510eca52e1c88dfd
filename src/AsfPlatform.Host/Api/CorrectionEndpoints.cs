using System.Globalization;
using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Host.Domain;

using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>
/// Removal of recorded facts over HTTP. Every removal names the version it removes from (<c>If-Match</c>: 428
/// without, 412 when stale) and why (<c>?reason=</c>, 3–500 characters; 400 naming <c>reason</c> without it), and
/// answers 200 with what is left and its new ETag, as the write endpoints do. Corrections go through the write
/// endpoints themselves with the same <c>?reason=</c>.
/// </summary>
internal static class CorrectionEndpoints
{
    private const string ReasonHint = "Anledningen anges som frågeparametern reason (3–500 tecken).";

    /// <summary>The OpenAPI summary of a write endpoint that can replace a recorded fact.</summary>
    public static string RecordSummary(string what) =>
        $"Registrerar eller rättar {what}. Rättelse av något som redan är registrerat kräver frågeparametern reason (3–500 tecken).";

    public static IEndpointRouteBuilder MapCorrectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapOwnerGroup()
            .WithTags("Rättelser");

        // An event has its own version: If-Match is the event's ETag. The answer is the event now absent (version 0).
        owner.MapDelete("/insatser/{insatsId}/events/{eventId}", (string owner, string insatsId, string eventId, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Event(owner, insatsId, eventId), v => writer.RemoveEventAsync(user, owner, insatsId, eventId, v, reason)))
            .WithSummary($"Tar bort en aktivitet. If-Match: aktivitetens ETag. {ReasonHint}")
            .Changes<AsfPlatform.Contracts.InsatsSnapshot>("aktivitetens")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapDelete("/municipalities/{kommunkod}/milestones/{milestoneId}", (string owner, string kommunkod, string milestoneId,
                string? reason, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Municipality(owner, kommunkod),
                v => writer.RemoveMunicipalMilestoneAsync(user, owner, kommunkod, milestoneId, v, reason)))
            .WithSummary($"Tar bort en milstolpe för kommunen. If-Match: kommunens ETag. {ReasonHint}")
            .Changes<AsfPlatform.Contracts.MunicipalitySnapshot>("kommunens")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapDelete("/insatser/{insatsId}/milestones/{milestoneId}", (string owner, string insatsId, string milestoneId,
                string? reason, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId),
                v => writer.RemoveNarrativeMilestoneAsync(user, owner, insatsId, milestoneId, v, reason)))
            .WithSummary($"Tar bort en milstolpe i insatsens berättelse (förbundsadmin). If-Match: insatsens ETag. {ReasonHint}")
            .Changes<AsfPlatform.Contracts.InsatsSnapshot>("insatsens")
            .RequireAuthorization(AccessPolicies.Admin);

        owner.MapDelete("/insatser/{insatsId}/placements/{placementId}", (string owner, string insatsId, string placementId,
                string? reason, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId),
                v => writer.RemovePlacementAsync(user, owner, insatsId, placementId, v, reason)))
            .WithSummary($"Tar bort en placering. If-Match: insatsens ETag. {ReasonHint}")
            .Changes<AsfPlatform.Contracts.InsatsSnapshot>("insatsens")
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapDelete("/companies/{companyId}/figures/{date}", (string owner, string companyId, string date, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? EndpointWrites.ChangeAsync(http, ResourcePaths.Company(owner, companyId),
                    v => writer.RemoveCompanyFiguresAsync(user, owner, companyId, day, v, reason))
                : Task.FromResult<IResult>(ApiProblems.Validation("date", "Datumet anges som ÅÅÅÅ-MM-DD, t.ex. 2017-06-30.")))
            .WithSummary($"Tar bort företagets siffror för ett datum (ÅÅÅÅ-MM-DD). If-Match: företagets ETag. {ReasonHint}")
            .Changes<AsfPlatform.Contracts.CompanySnapshot>("företagets")
            .RequireAuthorization(AccessPolicies.Record);

        return endpoints;
    }
}
