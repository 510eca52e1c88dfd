using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace AsfPlatform.Host.Security;

/// <summary>Issues the UI's sign-in cookie for an account (sign-in page and first-run setup).</summary>
internal static class CookieSignIn
{
    public static Task SignInAsync(this HttpContext context, UserAccount account) =>
        context.SignInAsync(AuthenticationSetup.CookieScheme,
            AccessClaims.CreatePrincipal(account, AuthenticationSetup.CookieScheme),
            new AuthenticationProperties { IsPersistent = false });
}
