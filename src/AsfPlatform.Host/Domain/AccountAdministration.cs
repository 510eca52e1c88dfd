using AsfPlatform.Domain.Model;
using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;

namespace AsfPlatform.Host.Domain;

/// <summary>
/// User administration as a Förbundsadmin may do it, for the admin page and the REST API alike: an admin bound to an
/// owner sees, changes and creates only that owner's accounts (an unbound admin all), and a partner office's
/// organisation must exist in the account's owner. The Access module stores, validates and audits; this class adds
/// the scope that needs the domain.
/// </summary>
public sealed class AccountAdministration(IUserAccountService accounts, DomainReader reader, KnownOwners owners)
{
    /// <summary>The accounts the admin administers, ordered by user name.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(ClaimsPrincipal admin, CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).Where(a => Administers(admin, a)).ToList();

    /// <summary>The owners an admin may bind new accounts to (a bound admin: only its own).</summary>
    public async Task<IReadOnlyList<string>> OwnersForAsync(ClaimsPrincipal admin) =>
        admin.GetOwner() is { } bound ? [bound] : await owners.IdsAsync();

    /// <summary>One account; null when it does not exist. Throws <see cref="ScopeForbiddenException"/> for another owner's.</summary>
    public async Task<UserAccount?> FindAsync(ClaimsPrincipal admin, string userName, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(userName, cancellationToken);
        if (account is not null)
            RequireAdministers(admin, account);
        return account;
    }

    /// <summary>
    /// Creates an account. A bound admin's accounts belong to its owner (given or not); a partner office's
    /// organisation must exist in the owner. Throws <see cref="AccessValidationException"/> naming the field,
    /// <see cref="AccessConflictException"/> or <see cref="ScopeForbiddenException"/>.
    /// </summary>
    public async Task<UserAccount> CreateAsync(ClaimsPrincipal admin, NewUserAccount account, CancellationToken cancellationToken)
    {
        var owner = AccountOwners.Normalize(account.Owner) ?? admin.GetOwner();
        if (owner is not null && !admin.CanAccessOwner(owner))
            throw new ScopeForbiddenException($"Ditt konto hör till ägaren {admin.GetOwner()} och får bara skapa användare där.");
        if (owner is not null && !(await reader.OwnerAsync(owner)).Exists)
            throw new AccessValidationException("owner", $"Ägaren \"{owner}\" finns inte i den här installationen.");
        await CheckOrganisationAsync(owner, account.Role, account.Organisation);
        return await accounts.CreateAsync(account with { Owner = owner }, admin.Identity!.Name!, cancellationToken);
    }

    /// <summary>Changes display name, role, organisation or status; null when the account does not exist.</summary>
    public async Task<UserAccount?> UpdateAsync(ClaimsPrincipal admin, string userName, UserAccountChange change,
        CancellationToken cancellationToken)
    {
        var before = await FindAsync(admin, userName, cancellationToken);
        if (before is null)
            return null;
        var role = change.Role ?? before.Role;
        await CheckOrganisationAsync(before.Owner, role, change.Organisation ?? (role == before.Role ? before.Organisation : null));
        return await accounts.UpdateAsync(userName, change, admin.Identity!.Name!, cancellationToken);
    }

    /// <summary>Sets a temporary password the user must change at the next sign-in; null when the account does not exist.</summary>
    public async Task<UserAccount?> ResetPasswordAsync(ClaimsPrincipal admin, string userName, string temporaryPassword,
        long? expectedVersion, CancellationToken cancellationToken)
    {
        if (await FindAsync(admin, userName, cancellationToken) is null)
            return null;
        return await accounts.ResetPasswordAsync(userName, temporaryPassword, admin.Identity!.Name!, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Whether the organisation exists in the owner: a municipality must be one of the owner's municipalities.
    /// The other kinds (AF, FK, Region, Förbund) are accepted for every existing owner until the domain lists an
    /// owner's partner organisations; this is the one place to check them then.
    /// </summary>
    public async Task<bool> OrganisationExistsAsync(string owner, OrganisationRef organisation)
    {
        var snapshot = await reader.OwnerAsync(owner);
        if (!snapshot.Exists)
            return false;
        // The association itself is every owner's own; a municipality must be one of the owner's. AF, FK and the region
        // must be among the partner organisations the owner has named — an owner that has named none yet (set up
        // before partners could be named) accepts them, as before.
        var partners = snapshot.Organisations.Where(o => o.Kind != PartnerKind.Kommun).ToList();
        bool Named(PartnerKind kind) => partners.Count == 0 || partners.Any(o => o.Kind == kind);
        return organisation.Kind switch
        {
            OrganisationKind.Förbund => true,
            OrganisationKind.Kommun => snapshot.Organisations.Any(o => o.Kind == PartnerKind.Kommun && o.Id == organisation.Id),
            OrganisationKind.AF => Named(PartnerKind.AF),
            OrganisationKind.FK => Named(PartnerKind.FK),
            _ => Named(PartnerKind.Region),
        };
    }

    /// <summary>Whether the admin administers the account: unbound admins all, bound ones only their owner's.</summary>
    public static bool Administers(ClaimsPrincipal admin, UserAccount account) =>
        admin.GetOwner() is not { } bound || string.Equals(bound, account.Owner, StringComparison.Ordinal);

    private static void RequireAdministers(ClaimsPrincipal admin, UserAccount account)
    {
        if (!Administers(admin, account))
            throw new ScopeForbiddenException($"Användaren {account.UserName} hör inte till ägaren {admin.GetOwner()}, som ditt konto administrerar.");
    }

    private async Task CheckOrganisationAsync(string? owner, AccessRole role, OrganisationRef? organisation)
    {
        if (role == AccessRole.Partnerkontor && owner is not null && organisation is not null
            && !await OrganisationExistsAsync(owner, organisation))
            throw new AccessValidationException("organisation", $"{organisation} finns inte hos ägaren {owner}.");
    }
}
