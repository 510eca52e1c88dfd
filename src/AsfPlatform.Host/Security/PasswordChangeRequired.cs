using AsfPlatform.Access.Authentication;

namespace AsfPlatform.Host.Security;

/// <summary>
/// While a signed-in user's password is temporary (set by an admin), the web session can do nothing but change it:
/// pages redirect to "Byt lösenord", API calls with the cookie get 403. API tokens are not affected: an integration
/// keeps working while its owner's password is reset.
/// </summary>
internal static class PasswordChangeRequired
{
    public const string PagePath = "/konto/byt-losenord";

    private static readonly string[] Allowed = [PagePath, "/logga-ut", "/api/account/password", "/api/me", "/fel"];

    public static Task HandleAsync(HttpContext context, Func<Task> next)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: AuthenticationSetup.CookieScheme }
            || !user.MustChangePassword()
            || Allowed.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
            return next();
        if (AuthenticationSetup.IsApiRequest(context.Request))
            return Results.Problem("Lösenordet är tillfälligt. Byt det (POST /api/account/password) innan du gör något annat.",
                statusCode: StatusCodes.Status403Forbidden, title: "Byt lösenord först").ExecuteAsync(context);
        context.Response.Redirect(PagePath);
        return Task.CompletedTask;
    }
}
