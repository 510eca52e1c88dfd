using AsfPlatform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Konto;

/// <summary>The signed-in user's personal API tokens.</summary>
public sealed class ApiNycklarModel(IApiTokenService tokens) : PageModel
{
    /// <summary>The user's tokens.</summary>
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>A token just issued; shown once.</summary>
    public string? NewSecret { get; private set; }

    /// <summary>Confirmation.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>Errors.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Lists the tokens.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(User.Identity!.Name!, cancellationToken);

    /// <summary>Issues a token and shows it once (not through a redirect, so it never lands in TempData).</summary>
    public async Task<IActionResult> OnPostIssueAsync(string? name, CancellationToken cancellationToken)
    {
        try
        {
            var issued = await tokens.IssueAsync(User.Identity!.Name!, name ?? "", User.Identity!.Name!, cancellationToken);
            NewSecret = issued.Secret;
            Response.Headers.CacheControl = "no-store";
        }
        catch (AccessValidationException exception)
        {
            Errors.Add(exception);
        }
        Tokens = await tokens.ListAsync(User.Identity!.Name!, cancellationToken);
        return Page();
    }

    /// <summary>Revokes one of the user's tokens.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string tokenId, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(User.Identity!.Name!, tokenId ?? "", User.Identity!.Name!, cancellationToken))
            return NotFound();
        Message = "Nyckeln är återkallad.";
        return RedirectToPage();
    }
}
