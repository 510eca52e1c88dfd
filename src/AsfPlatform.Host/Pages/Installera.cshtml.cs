using AsfPlatform.Access;
using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AsfPlatform.Host.Pages;

/// <summary>
/// First-run setup: creates the first Förbundsadmin. Only available while no admin exists; there are no default
/// passwords. (The CLI's <c>asf users add</c> is the other way in.)
/// </summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class InstalleraModel(IUserAccountService accounts, ILogger<InstalleraModel> logger) : PageModel
{
    /// <summary>User name of the first admin.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>Display name.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>Password.</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Password again.</summary>
    [BindProperty] public string? PasswordRepeat { get; set; }

    /// <summary>Errors by field.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Shows the form while setup is open; otherwise 404.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await accounts.AdminExistsAsync(cancellationToken) ? NotFound() : Page();

    /// <summary>Creates the admin and signs them in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AdminExistsAsync(cancellationToken))
            return NotFound();
        if (!string.Equals(Password, PasswordRepeat, StringComparison.Ordinal))
        {
            Errors.Add("losenord2", "Upprepa lösenordet", "Lösenorden är inte lika.");
            return Page();
        }
        try
        {
            var account = await accounts.CreateFirstAdminAsync(UserName ?? "", DisplayName ?? "", Password ?? "", cancellationToken);
            logger.LogInformation("First admin {UserName} created through the setup page", account.UserName);
            await HttpContext.SignInAsync(account);
            return LocalRedirect("/");
        }
        catch (AccessValidationException exception)
        {
            Errors.Add(exception);
            return Page();
        }
        catch (AccessConflictException)
        {
            return NotFound();
        }
    }
}
