using AsfPlatform.Access;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Admin;

/// <summary>User administration (Förbundsadmin only, by the folder's policy; a bound admin sees its owner's accounts).</summary>
public sealed class AnvandareModel(AccountAdministration accounts) : PageModel
{
    /// <summary>The accounts the admin administers.</summary>
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    /// <summary>The owners new accounts may be bound to.</summary>
    public IReadOnlyList<string> Owners { get; private set; } = [];

    /// <summary>Whether the admin is bound to one owner (new accounts then always belong to it).</summary>
    public bool BoundAdmin => Access.Authentication.AccessClaims.GetOwner(User) is not null;

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

    /// <summary>New account's owner ("" for installation-wide).</summary>
    [BindProperty] public string? Owner { get; set; }

    /// <summary>New account's first password (temporary: changed at the first sign-in).</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Lists the accounts.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(User, cancellationToken);
        Owners = await accounts.OwnersForAsync(User);
    }

    /// <summary>Creates an account whose password must be changed at the first sign-in.</summary>
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
                var created = await accounts.CreateAsync(User,
                    new NewUserAccount(UserName ?? "", DisplayName ?? "", role, organisation, Password ?? "", Owner,
                        MustChangePassword: true), cancellationToken);
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
            catch (ScopeForbiddenException exception)
            {
                Errors.Add("agare", "Ägare", exception.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Disables or enables an account.</summary>
    public async Task<IActionResult> OnPostStatusAsync(string statusUserName, bool disable, long version, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await accounts.UpdateAsync(User, statusUserName,
                new UserAccountChange(Disabled: disable, ExpectedVersion: version), cancellationToken);
            if (updated is null)
                return NotFound();
            Message = disable ? $"{updated.UserName} är avstängd." : $"{updated.UserName} är aktiverad.";
            return RedirectToPage();
        }
        catch (AccessConflictException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        catch (AccessConcurrencyException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        catch (AccessValidationException exception)
        {
            Errors.Add(exception);
        }
        catch (ScopeForbiddenException)
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }
}
