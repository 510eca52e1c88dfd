using AsfPlatform.Access;
using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AsfPlatform.Host.Pages;

/// <summary>The sign-in form. Posts are rate-limited per client address.</summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class LoggaInModel(IUserAccountService accounts, ILogger<LoggaInModel> logger) : PageModel
{
    /// <summary>Entered user name (kept on failure).</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>Entered password (never echoed).</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go after signing in; only local paths are followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The Swedish error shown above the form.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Shows the form, or the first-run setup while no admin exists.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await accounts.AdminExistsAsync(cancellationToken))
            return Redirect("/forsta-start");
        return Page();
    }

    /// <summary>Checks the credentials and signs in with a cookie.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ErrorMessage = "Fyll i både användarnamn och lösenord.";
            return Page();
        }
        var account = await accounts.VerifyPasswordAsync(UserName, Password, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("Failed sign-in for {UserName}", UserName.Trim().ToLowerInvariant());
            ErrorMessage = "Fel användarnamn eller lösenord.";
            return Page();
        }
        await HttpContext.SignInAsync(account);
        logger.LogInformation("Signed in {UserName} as {Role}", account.UserName, account.Role);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
