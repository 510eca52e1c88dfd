using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>Signing out is a post (with antiforgery), so a link on another site cannot sign anyone out.</summary>
public sealed class LoggaUtModel : PageModel
{
    /// <summary>True after the post.</summary>
    public bool SignedOut { get; private set; }

    /// <summary>Shows a sign-out button (or the signed-out message when not signed in).</summary>
    public void OnGet() => SignedOut = User.Identity?.IsAuthenticated != true;

    /// <summary>Removes the sign-in cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthenticationSetup.CookieScheme);
        return RedirectToPage(null);
    }
}
