using AsfPlatform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Admin;

/// <summary>User administration (Förbundsadmin only, by the folder's policy).</summary>
public sealed class AnvandareModel(IUserAccountService accounts) : PageModel
{
    /// <summary>All accounts.</summary>
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    /// <summary>Errors of the last post.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Confirmation of the last post.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>New account's user name.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>New account's display name.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>New account's role.</summary>
    [BindProperty] public string? Role { get; set; }

    /// <summary>New partner office's organisation.</summary>
    [BindProperty] public string? Organisation { get; set; }

    /// <summary>New account's first password.</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await accounts.ListAsync(cancellationToken);

    /// <summary>Creates an account.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!AccessRoles.TryParse(Role, out var role))
            Errors.Add("roll", "Roll", "Välj en av rollerna i listan.");
        OrganisationRef? organisation = null;
        if (role == AccessRole.Partnerkontor && !OrganisationRef.TryParse(Organisation, out organisation, out var error))
            Errors.Add("organisation", "Organisation", error!);
        if (!Errors.Any)
        {
            try
            {
                var created = await accounts.CreateAsync(
                    new NewUserAccount(UserName ?? "", DisplayName ?? "", role, organisation, Password ?? ""),
                    User.Identity!.Name!, cancellationToken);
                Message = $"Användaren {created.UserName} är tillagd.";
                return RedirectToPage();
            }
            catch (AccessValidationException exception)
            {
                Errors.Add(exception);
            }
            catch (AccessConflictException exception)
            {
                Errors.Add("anvandarnamn", "Användarnamn", exception.Message);
            }
        }
        Accounts = await accounts.ListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Disables or enables an account.</summary>
    public async Task<IActionResult> OnPostStatusAsync(string statusUserName, bool disable, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await accounts.UpdateAsync(statusUserName, new UserAccountChange(Disabled: disable),
                User.Identity!.Name!, cancellationToken);
            if (updated is null)
                return NotFound();
            Message = disable ? $"{updated.UserName} är avstängd." : $"{updated.UserName} är aktiverad.";
            return RedirectToPage();
        }
        catch (AccessConflictException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        catch (AccessValidationException exception)
        {
            Errors.Add(exception);
        }
        Accounts = await accounts.ListAsync(cancellationToken);
        return Page();
    }
}
