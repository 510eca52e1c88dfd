using AsfPlatform.Access;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Admin;

/// <summary>
/// One account: change name, role and organisation, disable or enable it, or give it a temporary password. The
/// account's version travels in a hidden field, so a change based on an older view is refused instead of overwriting.
/// </summary>
public sealed class AndraAnvandareModel(AccountAdministration accounts) : PageModel
{
    /// <summary>The account as stored now.</summary>
    public UserAccount Account { get; private set; } = null!;

    /// <summary>Errors of the last post.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Confirmation of the last post.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>The version the form was shown with.</summary>
    [BindProperty] public long Version { get; set; }

    /// <summary>Display name.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>Role.</summary>
    [BindProperty] public string? Role { get; set; }

    /// <summary>A partner office's organisation.</summary>
    [BindProperty] public string? Organisation { get; set; }

    /// <summary>The temporary password to set.</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Shows the account.</summary>
    public Task<IActionResult> OnGetAsync(string userName, CancellationToken cancellationToken) =>
        LoadAsync(userName, fill: true, cancellationToken);

    /// <summary>Saves name, role and organisation.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string userName, CancellationToken cancellationToken)
    {
        if (!AccessRoles.TryParse(Role, out var role))
            Errors.Add("roll", "Roll", "Välj en av rollerna i listan.");
        OrganisationRef? organisation = null;
        if (role == AccessRole.Partnerkontor && !OrganisationRef.TryParse(Organisation, out organisation, out var error))
            Errors.Add("organisation", "Organisation", error!);
        if (!Errors.Any && await TryAsync(() => accounts.UpdateAsync(User, userName,
                new UserAccountChange(DisplayName ?? "", role, organisation, ExpectedVersion: Version), cancellationToken)))
            return Saved(userName, "Uppgifterna är sparade.");
        return await LoadAsync(userName, fill: false, cancellationToken);
    }

    /// <summary>Disables or enables the account (its sessions and API tokens stop at once when disabled).</summary>
    public async Task<IActionResult> OnPostStatusAsync(string userName, bool disable, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => accounts.UpdateAsync(User, userName,
                new UserAccountChange(Disabled: disable, ExpectedVersion: Version), cancellationToken)))
            return Saved(userName, disable ? "Kontot är avstängt." : "Kontot är aktiverat.");
        return await LoadAsync(userName, fill: true, cancellationToken);
    }

    /// <summary>Sets a temporary password the user must change at the next sign-in.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(string userName, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => accounts.ResetPasswordAsync(User, userName, Password ?? "", Version, cancellationToken)))
            return Saved(userName, "Lösenordet är återställt. Användaren måste byta det vid nästa inloggning.");
        return await LoadAsync(userName, fill: true, cancellationToken);
    }

    private IActionResult Saved(string userName, string message)
    {
        Message = message;
        return RedirectToPage(new { userName });
    }

    private async Task<bool> TryAsync(Func<Task<UserAccount?>> change)
    {
        try
        {
            return await change() is not null;
        }
        catch (AccessValidationException exception)
        {
            Errors.Add(exception);
        }
        catch (AccessConflictException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        catch (AccessConcurrencyException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        return false;
    }

    private async Task<IActionResult> LoadAsync(string userName, bool fill, CancellationToken cancellationToken)
    {
        try
        {
            var account = await accounts.FindAsync(User, userName, cancellationToken);
            if (account is null)
                return NotFound();
            Account = account;
        }
        catch (ScopeForbiddenException)
        {
            return Forbid();
        }
        // The next submit applies to the version shown now (after a refusal, the current one).
        ModelState.Remove(nameof(Version));
        Version = Account.Version;
        if (fill)
        {
            DisplayName = Account.DisplayName;
            Role = Account.Role.ToString();
            Organisation = Account.Organisation?.ToKey();
        }
        return Page();
    }
}
