using AsfPlatform.Access.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Orleans.Dashboard;

namespace AsfPlatform.Host.Operations;

/// <summary>
/// The Orleans Dashboard (silos, activations and calls per grain type, latencies, errors) at <see cref="Path"/>, for
/// Förbundsadmin only: anonymous visitors are sent to the sign-in page, other roles get 403.
/// </summary>
internal static class OperationsDashboard
{
    /// <summary>Where the dashboard is mounted.</summary>
    public const string Path = "/drift/orleans";

    /// <summary>
    /// Adds the dashboard's grains and collectors to this host's silo (Orleans reuses the silo builder of
    /// <c>AddAsfPlatform</c>), and the 403 answer for other roles.
    /// </summary>
    public static WebApplicationBuilder AddOperationsDashboard(this WebApplicationBuilder builder)
    {
        // Trace streams the silo's log to the browser: log lines may name users and owners, so it stays off.
        builder.UseOrleans(silo => silo.AddDashboard(options => options.HideTrace = true));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenAsStatus>();
        return builder;
    }

    // The host's policy (SecurityHeaders) with what the dashboard's bundle needs: its script sets inline styles and
    // its stylesheet embeds its fonts as data: URLs. Scripts stay limited to our own origin.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'";

    /// <summary>Maps the dashboard under <see cref="Path"/> behind the admin policy.</summary>
    public static IEndpointRouteBuilder MapOperationsDashboard(this IEndpointRouteBuilder endpoints)
    {
        IEndpointConventionBuilder dashboard = endpoints.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(AccessPolicies.Admin);
        dashboard.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return inner(context);
            };
        });
        return endpoints;
    }

    /// <summary>
    /// A signed-in user without the admin role gets 403 on the dashboard instead of the cookie handler's redirect to
    /// the no-access page: the dashboard's script calls its JSON endpoints, where a redirect to an HTML page would be
    /// read as broken data. Every other request is handled as before.
    /// </summary>
    private sealed class ForbiddenAsStatus : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && context.Request.Path.StartsWithSegments(Path) && context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsync("Driftöversikten är bara för förbundsadmin.", context.RequestAborted);
            }
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
