using AsfPlatform.Access.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AsfPlatform.Host.Security;

/// <summary>
/// Keeps an account bound to an owner inside that owner, for reads as well as writes: the endpoint filter on the
/// <c>/api/owners/{owner}</c> group answers 403, and the page filter forbids every page whose route names another
/// owner (the way every forbidden page answers: the "Ingen behörighet" page, 403). Installation-wide accounts
/// (no owner claim) pass.
/// </summary>
internal static class OwnerScope
{
    public const string RouteValue = "owner";

    // Audit entities of the domain are named by their path, which starts with the owner ("finsam-gavleborg/k2180");
    // accounts and tokens are not.
    private static readonly HashSet<string> DomainAuditTypes = new(StringComparer.Ordinal)
    {
        Domain.DomainWriter.Municipality, Domain.DomainWriter.Company, Domain.DomainWriter.Insats, Domain.DomainWriter.Plan,
    };

    /// <summary>Registers the page filter for every Razor page.</summary>
    public static IServiceCollection AddOwnerScope(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(new PageFilter()));

    /// <summary>The owner an audited entity belongs to, or null for entities outside the domain (accounts, tokens).</summary>
    public static string? OwnerOfAuditEntity(string? entityType, string? entityId) =>
        entityType is not null && DomainAuditTypes.Contains(entityType) && !string.IsNullOrEmpty(entityId)
            ? Uri.UnescapeDataString(entityId).Split('/')[0]
            : null;

    /// <summary>The 403 answer of the API.</summary>
    public static IResult Forbidden(string owner) =>
        TypedResults.Problem($"Ditt konto hör till en annan ägare och får inte läsa eller ändra uppgifter för {owner}.",
            statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");

    /// <summary>The filter on the owner route group.</summary>
    public sealed class EndpointFilter : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            return http.Request.RouteValues[RouteValue] is string owner && !http.User.CanAccessOwner(owner)
                ? ValueTask.FromResult<object?>(Forbidden(owner))
                : next(context);
        }
    }

    private sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var values = context.RouteData.Values;
            var owner = values[RouteValue] as string
                        ?? OwnerOfAuditEntity(values["entityType"] as string, values["entityId"] as string);
            if (owner is not null && !context.HttpContext.User.CanAccessOwner(owner))
            {
                context.Result = new ForbidResult();
                return Task.CompletedTask;
            }
            return next();
        }
    }
}
