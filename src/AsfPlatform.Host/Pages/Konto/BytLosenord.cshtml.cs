using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Konto;

/// <summary>
/// Every signed-in user changes their own password here, proving the current one. While the password is temporary
/// (reset by an admin) every other page leads here (<see cref="PasswordChangeRequired"/>).
/// </summary>
public sealed class BytLosenordModel(IUserAccountService accounts) : PageModel
{
    /// <summary>The current password.</summary>
    [BindProperty] public string? CurrentPassword { get; set; }

    /// <summary>The new password.</summary>
    [BindProperty] public string? NewPassword { get; set; }

    /// <summary>The new password again.</summary>
    [BindProperty] public string? NewPasswordRepeat { get; set; }

    /// <summary>Whether the password is temporary and must be changed before anything else.</summary>
    public bool Required => User.MustChangePassword();

    /// <summary>Errors by field.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Confirmation.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Changes the password and renews the sign-in (the old session ends with the old password).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(NewPassword, NewPasswordRepeat, StringComparison.Ordinal))
        {
            Errors.Add("nytt-losenord2", "Upprepa det nya lösenordet", "Lösenorden är inte lika.");
            return Page();
        }
        try
        {
            var account = await accounts.ChangeOwnPasswordAsync(User.Identity!.Name!, CurrentPassword ?? "", NewPassword ?? "",
                cancellationToken: cancellationToken);
            await HttpContext.SignInAsync(account);
            Message = "Ditt lösenord är bytt.";
            return RedirectToPage();
        }
        catch (AccessValidationException exception)
        {
            Errors.Add(exception);
            return Page();
        }
        catch (AccessConcurrencyException exception)
        {
            Errors.AddGeneral(exception.Message);
            return Page();
        }
    }
}
