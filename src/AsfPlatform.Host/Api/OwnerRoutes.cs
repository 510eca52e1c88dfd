using AsfPlatform.Access.Authentication;

namespace AsfPlatform.Host.Api;

/// <summary>
/// The one way to map routes under an owner: the domain's refusals as ProblemDetails, a signed-in reader at least,
/// and the owner scope (an account bound to one owner gets 403 on every other owner's routes). Every endpoint file
/// maps its group through here, so no group can miss the scope, and an unknown owner is a 404 on every route.
/// </summary>
internal static class OwnerRoutes
{
    /// <summary><c>/api/owners/{owner}</c>, or <paramref name="prefix"/> when the owner is a later segment.</summary>
    public static RouteGroupBuilder MapOwnerGroup(this IEndpointRouteBuilder endpoints, string prefix = "/api/owners/{owner}") =>
        endpoints.MapGroup(prefix)
            .AddEndpointFilter<DomainProblemFilter>()
            .AddEndpointFilter<Security.OwnerScope.EndpointFilter>()
            .AddEndpointFilter<OwnerExists>()
            .RequireAuthorization(AccessPolicies.Read);
}
