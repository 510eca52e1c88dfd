using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>The insats' own texts over HTTP: read with the insats' ETag, replaced as a whole with If-Match.</summary>
internal static class NarrativeEndpoints
{
    public static IEndpointRouteBuilder MapNarrativeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapOwnerGroup().WithTags("Insatser");

        owner.MapGet("/insatser/{insatsId}/narrative", async (string owner, string insatsId, DomainReader reader, HttpContext http) =>
            {
                var snapshot = await reader.InsatsAsync(owner, insatsId);
                return snapshot.Exists
                    ? Versioning.WithETag(http, snapshot.Narrative ?? new InsatsNarrative(), ResourcePaths.Insats(owner, insatsId), snapshot.Version)
                    : ApiProblems.NotFound($"Insatsen {insatsId}");
            })
            .WithSummary("Insatsens egna texter: uppdrag, bakgrund, lärdomar, analys, slutsatser och årens berättelser.")
            .ReadsVersioned<InsatsNarrative>();

        owner.MapPut("/insatser/{insatsId}/narrative", (string owner, string insatsId, InsatsNarrative narrative,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId), v => writer.SetNarrativeAsync(user, owner, insatsId, narrative, v)))
            .WithSummary("Ersätter insatsens egna texter i sin helhet (If-Match med insatsens version).")
            .Changes<AsfPlatform.Contracts.InsatsSnapshot>("insatsens")
            .RequireAuthorization(AccessPolicies.Admin);
        return endpoints;
    }
}
