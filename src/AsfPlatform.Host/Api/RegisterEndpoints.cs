using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;

using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>
/// The ASF register, insatser and new yearly plans over HTTP: creates take <c>If-None-Match: *</c>, changes and
/// closings take <c>If-Match</c>. Refusals name the field as it is sent (<c>organisationNumber</c>, <c>year</c>).
/// </summary>
internal static class RegisterEndpoints
{
    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapOwnerGroup();

        var companies = owner.MapGroup("/companies").WithTags("ASF-register").RequireAuthorization(AccessPolicies.Record);

        companies.MapPost("", (string owner, Company company, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.CreateOnlyAsync(http, () => writer.CreateCompanyAsync(user, owner, company)))
            .WithSummary("Registrerar ett nytt företag (If-None-Match: *); utan id skapas ett av namnet.")
            .Creates<AsfPlatform.Contracts.CompanySnapshot>();

        companies.MapPut("/{companyId}", (string owner, string companyId, Company company, ClaimsPrincipal user, DomainWriter writer,
                HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Company(owner, companyId), v => writer.UpdateCompanyAsync(user, owner, companyId, company, v)))
            .WithSummary("Ändrar ett företag (If-Match).")
            .Changes<AsfPlatform.Contracts.CompanySnapshot>("företagets");

        companies.MapPost("/{companyId}/close", (string owner, string companyId, CloseRequest? close, ClaimsPrincipal user,
                DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Company(owner, companyId),
                v => writer.CloseCompanyAsync(user, owner, companyId, ClosingDate(close), v)))
            .WithSummary("Avslutar ett företag per ett datum (If-Match); företaget och dess siffror finns kvar.")
            .Changes<AsfPlatform.Contracts.CompanySnapshot>("företagets");

        var insatser = owner.MapGroup("/insatser").WithTags("Insatser").RequireAuthorization(AccessPolicies.Admin);

        insatser.MapPost("", (string owner, Insats insats, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
            EndpointWrites.CreateOnlyAsync(http, () => writer.CreateInsatsAsync(user, owner, insats)))
            .WithSummary("Skapar en ny insats (If-None-Match: *); utan id skapas ett av titeln.")
            .Creates<AsfPlatform.Contracts.InsatsSnapshot>();

        insatser.MapPut("/{insatsId}", (string owner, string insatsId, Insats insats, ClaimsPrincipal user, DomainWriter writer,
                HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId), v => writer.UpdateInsatsAsync(user, owner, insatsId, insats, v)))
            .WithSummary("Ändrar en insats (If-Match).")
            .Changes<AsfPlatform.Contracts.InsatsSnapshot>("insatsens");

        insatser.MapPost("/{insatsId}/close", (string owner, string insatsId, CloseRequest? close, ClaimsPrincipal user,
                DomainWriter writer, HttpContext http) =>
            EndpointWrites.ChangeAsync(http, ResourcePaths.Insats(owner, insatsId),
                v => writer.CloseInsatsAsync(user, owner, insatsId, ClosingDate(close), v)))
            .WithSummary("Avslutar en insats per ett datum inom perioden (If-Match); senare uppgifter tas sedan inte emot.")
            .Changes<AsfPlatform.Contracts.InsatsSnapshot>("insatsens");

        insatser.MapPost("/{insatsId}/plans", (string owner, string insatsId, NewPlanRequest plan, ClaimsPrincipal user,
                DomainWriter writer, HttpContext http) =>
            ParseStart(plan.From) is { } from
                ? EndpointWrites.CreateOnlyAsync(http, () => writer.CreatePlanAsync(user, owner, insatsId, plan.Year, from))
                : Task.FromResult<IResult>(ApiProblems.Validation("from", "Ange \"empty\" (tom), \"template\" (mall) eller \"previous\" (kopia av föregående år).")))
            .WithSummary("Skapar årets handlingsplan (If-None-Match: *): tom, från mallen eller som kopia av föregående år.")
            .Creates<AsfPlatform.Contracts.PlanSnapshot>();

        return endpoints;
    }

    // A closing date is a date the platform follows (1990–2100): 0001-01-01 or 9999-12-31 closes nothing real.
    private static DateOnly? ClosingDate(CloseRequest? close)
    {
        new Validator().Date("date", close?.Date).ThrowIfInvalid();
        return close?.Date;
    }

    private static PlanStart? ParseStart(string? from) => from?.Trim().ToLowerInvariant() switch
    {
        null or "" or "empty" => PlanStart.Empty,
        "template" => PlanStart.Template,
        "previous" => PlanStart.Previous,
        _ => null,
    };
}
