using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Backup;
using Orleans;

namespace AsfPlatform.Host.Domain;

/// <summary>
/// Backup and restore of an owner for the API and the admin page (docs/BACKUP.md), with the scope of every owner
/// administration: a Förbundsadmin only, and an account bound to one owner only for that owner. The restore's audit
/// entry (who, which file) is written with the owner's restored entries, in one transaction.
/// </summary>
public sealed class OwnerBackups(IGrainFactory grains, IAuditArchive audit)
{
    /// <summary>Writes the owner's backup to <paramref name="output"/>.</summary>
    public async Task<BackupManifest> WriteAsync(ClaimsPrincipal user, string owner, Stream output, CancellationToken cancellationToken)
    {
        Require(user, owner);
        var document = await new BackupWriter(grains, audit).ReadAsync(owner, cancellationToken);
        return (await BackupWriter.WriteAsync(document, output, cancellationToken)).Manifest;
    }

    /// <summary>
    /// Checks the whole backup in <paramref name="input"/>, then restores it (<see cref="BackupInvalidException"/> or
    /// <see cref="BackupConflictException"/> before anything is written). <paramref name="fileName"/> names the source
    /// in the audit log. With <paramref name="replace"/> an owner that is here has its data replaced with the backup's,
    /// all or nothing (<see cref="BackupReplacer"/>).
    /// </summary>
    public async Task<BackupRestoreResult> RestoreAsync(ClaimsPrincipal user, Stream input, string fileName, CancellationToken cancellationToken,
        bool replace = false)
    {
        Require(user, null);
        var document = await BackupReader.ReadAsync(input, cancellationToken);
        Require(user, document.Manifest.OwnerId);
        return await new BackupRestorer(grains, audit).RestoreAsync(document, user.Identity!.Name!, fileName, cancellationToken, replace);
    }

    /// <summary>A file name for the owner's backup taken today.</summary>
    public static string FileName(string owner, DateTimeOffset at) => $"sakerhetskopia-{owner}-{at:yyyy-MM-dd}.zip";

    private static void Require(ClaimsPrincipal user, string? owner)
    {
        if (user.GetRole() != AccessRole.Förbundsadmin)
            throw new ScopeForbiddenException("Bara förbundsadmin får ta och återställa säkerhetskopior.");
        if (owner is not null && !user.CanAccessOwner(owner))
            throw new ScopeForbiddenException($"Ditt konto hör till en annan ägare och får inte säkerhetskopiera eller återställa {owner}.");
    }
}
