using AsfPlatform.Access;
using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>The sign-in form. Failed attempts are limited per account and per client address on every host.</summary>
public sealed class LoggaInModel(IUserAccountService accounts, ISignInThrottle throttle, ILogger<LoggaInModel> logger) : PageModel
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
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        // Even the right password waits while the account or the address is locked: otherwise guessing could go on.
        if (await throttle.BlockedForAsync(UserName, address, cancellationToken) is { } wait)
        {
            logger.LogWarning("Sign-in refused for {UserName}: too many failures", UserName.Trim().ToLowerInvariant());
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await SignInRateLimiting.WriteRejectionAsync(Response, cancellationToken);
            return new EmptyResult();
        }
        var account = await accounts.VerifyPasswordAsync(UserName, Password, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("Failed sign-in for {UserName}", UserName.Trim().ToLowerInvariant());
            await throttle.RecordFailureAsync(UserName, address, cancellationToken);
            ErrorMessage = "Fel användarnamn eller lösenord.";
            return Page();
        }
        await throttle.RecordSuccessAsync(UserName, cancellationToken);
        await HttpContext.SignInAsync(account);
        logger.LogInformation("Signed in {UserName} as {Role}", account.UserName, account.Role);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
