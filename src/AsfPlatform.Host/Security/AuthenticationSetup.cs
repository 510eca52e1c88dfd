using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AsfPlatform.Host.Security;

/// <summary>Cookie sign-in for the UI, bearer API tokens for integrations, and the role policies.</summary>
internal static class AuthenticationSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string SelectorScheme = "asf";

    public static IServiceCollection AddAsfAuthentication(this IServiceCollection services)
    {
        // Cookies and antiforgery tokens are protected with keys every host of the cluster shares (the database).
        services.AddAsfDataProtection();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Cookie eller API-nyckel", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.LoginPath = "/logga-in";
                options.LogoutPath = "/logga-ut";
                options.AccessDeniedPath = "/ingen-behorighet";
                options.Cookie.Name = "asf.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    // The API answers with status codes; only pages redirect to the sign-in form.
                    OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ValidateSecurityStampAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
                ApiTokenAuthenticationHandler.SchemeName, "API-nyckel", null);

        services.AddAuthorizationBuilder().AddAccessPolicies();
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path);

    /// <summary>Whether a path is the API's (answered with ProblemDetails, never with a page).</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    /// <summary>
    /// Ends a session once its account is disabled, removed or changed (role, organisation, password), instead of
    /// letting an old cookie keep its old rights for hours.
    /// </summary>
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var userName = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(AccessClaims.SecurityStamp)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IUserAccountService>();
        var account = userName is null ? null : await accounts.FindAsync(userName, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
