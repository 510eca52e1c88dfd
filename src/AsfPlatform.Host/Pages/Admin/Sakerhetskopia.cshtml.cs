using AsfPlatform.Access.Authentication;
using AsfPlatform.Backup;
using AsfPlatform.Contracts;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Admin;

/// <summary>
/// Backup and restore of an owner (Förbundsadmin only, by the folder's policy; a bound admin only its own owner): the
/// same document and refusal rules as <c>asf backup</c>/<c>asf restore</c> and the API (docs/BACKUP.md).
/// </summary>
public sealed class SakerhetskopiaModel(OwnerBackups backups, KnownOwners known, TimeProvider clock) : PageModel
{
    /// <summary>The owners the admin may back up.</summary>
    public IReadOnlyList<OwnerSnapshot> Owners { get; private set; } = [];

    /// <summary>Errors of the last upload.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Confirmation of the last restore.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>The uploaded backup.</summary>
    [BindProperty] public IFormFile? Fil { get; set; }

    /// <summary>The admin's explicit confirmation that an owner that is here has its data replaced with the backup's.</summary>
    [BindProperty] public bool Ersatt { get; set; }

    /// <summary>Lists the owners.</summary>
    public Task OnGetAsync() => LoadAsync();

    /// <summary>Answers the owner's backup as a download.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? owner, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(owner))
            return RedirectToPage();
        if (!User.CanAccessOwner(owner))
            return Forbid();
        var zip = new MemoryStream();
        try
        {
            await backups.WriteAsync(User, owner, zip, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return File(zip.ToArray(), "application/zip", OwnerBackups.FileName(owner, clock.GetUtcNow()));
    }

    /// <summary>Checks the whole uploaded backup, then restores it; any problem is shown and nothing is stored.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        if (Fil is null || Fil.Length == 0)
        {
            Errors.Add("fil", "Säkerhetskopia", "Välj en säkerhetskopia (.zip) att återställa.");
            await LoadAsync();
            return Page();
        }
        try
        {
            await using var stream = Fil.OpenReadStream();
            var result = await backups.RestoreAsync(User, stream, Path.GetFileName(Fil.FileName), cancellationToken, Ersatt);
            Message = result.Replaced
                ? $"Organisationen {result.OwnerId} har ersatts med innehållet i {Path.GetFileName(Fil.FileName)} ({result.Changes} {(result.Changes == 1 ? "ändring" : "ändringar")})."
                : $"Organisationen {result.OwnerId} är återställd från {Path.GetFileName(Fil.FileName)}.";
            return RedirectToPage();
        }
        catch (Exception ex) when (ex is BackupInvalidException or BackupConflictException or ScopeForbiddenException or BackupReplaceFailedException)
        {
            // A failed replace says itself in what state it left the owner (all put back, or how to put it back).
            Errors.Add("fil", "Säkerhetskopia", ex is BackupReplaceFailedException ? ex.Message : $"{ex.Message} Inget har ändrats.");
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync() =>
        Owners = (await known.OwnersAsync()).Where(o => User.CanAccessOwner(o.Id)).ToList();
}
