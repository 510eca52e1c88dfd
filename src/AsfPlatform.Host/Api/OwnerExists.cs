using AsfPlatform.Host.Domain;

namespace AsfPlatform.Host.Api;

/// <summary>
/// 404 for every route under an owner that does not exist: without it a list under an unknown owner answered 200 with
/// an empty list, which reads as "this owner has nothing" rather than "there is no such owner". Asked through the
/// query side once per request; the owner scope runs first, so a bound account learns nothing of other owners.
/// </summary>
internal sealed class OwnerExists(DomainReader reader) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.RouteValues[Security.OwnerScope.RouteValue] is string owner && !(await reader.OwnerAsync(owner)).Exists)
            return ApiProblems.NotFound($"Organisationen {owner} finns inte. GET /api/owners listar de organisationer ditt konto får se.");
        return await next(context);
    }
}
