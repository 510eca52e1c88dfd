using System.Security.Claims;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Runtime;

namespace AsfPlatform.Host.Api;

/// <summary>The domain over HTTP: owners, municipalities, companies, yearly plans, indicator status, findings.</summary>
internal static class DomainEndpoints
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDomainEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapGroup("/api/owners/{owner}")
            .AddEndpointFilter<DomainProblemFilter>()
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("Insatser");

        owner.MapGet("/", async (string owner, IGrainFactory grains, HttpContext http) =>
        {
            var snapshot = await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner)).GetSnapshot();
            return snapshot.Exists ? Versioning.WithETag(http, snapshot, snapshot.Version) : ApiProblems.NotFound($"Ägaren {owner}");
        });

        owner.MapGet("/municipalities", async (string owner, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner)).GetMunicipalities()));

        owner.MapGet("/municipalities/{kommunkod}", async (string owner, string kommunkod, IGrainFactory grains, HttpContext http) =>
        {
            var snapshot = await grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(owner, kommunkod)).GetSnapshot();
            return snapshot.Exists ? Versioning.WithETag(http, snapshot, snapshot.Version) : ApiProblems.NotFound($"Kommunen {kommunkod}");
        });

        owner.MapPut("/municipalities/{kommunkod}/milestones", RecordMilestoneAsync)
            .RequireAuthorization(AccessPolicies.Record);

        owner.MapGet("/companies", async (string owner, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner)).GetCompanies()));

        owner.MapGet("/companies/{companyId}", async (string owner, string companyId, IGrainFactory grains, HttpContext http) =>
        {
            var snapshot = await grains.GetGrain<ICompanyGrain>(GrainKeys.Company(owner, companyId)).GetSnapshot();
            return snapshot.Company is not null ? Versioning.WithETag(http, snapshot, snapshot.Version) : ApiProblems.NotFound($"Företaget {companyId}");
        });

        owner.MapGet("/insatser/{insatsId}/plans/{year:int}", async (string owner, string insatsId, int year, IGrainFactory grains,
            HttpContext http) =>
        {
            var snapshot = await grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(owner, insatsId, year)).GetSnapshot();
            return snapshot.Exists ? Versioning.WithETag(http, snapshot, snapshot.Version) : ApiProblems.NotFound($"Handlingsplanen {year}");
        });

        owner.MapGet("/insatser/{insatsId}/plans/{year:int}/indicators", async (string owner, string insatsId, int year,
            DateOnly? asOf, IGrainFactory grains) =>
        {
            var plan = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(owner, insatsId, year));
            return asOf is { } date
                ? TypedResults.Ok(await plan.Evaluate(date))
                : TypedResults.Ok((await plan.GetSnapshot()).Indicators);
        });

        owner.MapGet("/findings", async (string owner, string? insatsId, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner)).GetDataQualityFindings(insatsId)));

        return endpoints;
    }

    /// <summary>
    /// Records a municipal milestone. Partner offices may only touch their own municipality; If-Match is required so
    /// nobody overwrites a change they have not seen.
    /// </summary>
    private static async Task<IResult> RecordMilestoneAsync(string owner, string kommunkod, MunicipalMilestone milestone,
        ClaimsPrincipal user, HttpRequest request, IGrainFactory grains, IAuditLog audit, HttpContext http)
    {
        if (!user.CanEditMunicipality(kommunkod))
            return TypedResults.Problem($"Din roll får inte ändra uppgifter för kommun {kommunkod}.",
                statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
        if (!Versioning.TryGetExpectedVersion(request, out var expected, out var problem))
            return problem!;
        var grain = grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(owner, kommunkod));
        var before = await grain.GetSnapshot();
        if (!before.Exists)
            return ApiProblems.NotFound($"Kommunen {kommunkod}");
        var after = await grain.RecordMilestone(new RecordMunicipalMilestone(milestone, expected));
        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, "kommun", GrainKeys.Municipality(owner, kommunkod),
            "milstolpe registrerad", JsonSerializer.Serialize(before, AuditJson), JsonSerializer.Serialize(after, AuditJson)));
        return Versioning.WithETag(http, after, after.Version);
    }
}
