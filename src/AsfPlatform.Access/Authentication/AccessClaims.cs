using System.Security.Claims;

namespace AsfPlatform.Access.Authentication;

/// <summary>Claim types and the principal built for a signed-in account (cookie or API token alike).</summary>
public static class AccessClaims
{
    /// <summary>Display name of the user.</summary>
    public const string DisplayName = "asf:display_name";

    /// <summary>The organisation key of a partner office ("kommun:2180", "AF").</summary>
    public const string Organisation = "asf:organisation";

    /// <summary>The account's security stamp when the cookie was issued; a changed stamp ends the session.</summary>
    public const string SecurityStamp = "asf:security_stamp";

    /// <summary>The owner a bound account may see and change ("finsam-gavleborg"); absent for installation-wide accounts.</summary>
    public const string Owner = "asf:owner";

    /// <summary>Present ("true") while the account's password is temporary and must be changed first.</summary>
    public const string MustChangePasswordClaim = "asf:must_change_password";

    /// <summary>Builds the principal for an account under the given authentication scheme.</summary>
    public static ClaimsPrincipal CreatePrincipal(UserAccount account, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.UserName),
            new(DisplayName, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(SecurityStamp, account.SecurityStamp),
        };
        if (account.Organisation is not null)
            claims.Add(new Claim(Organisation, account.Organisation.ToKey()));
        if (account.Owner is not null)
            claims.Add(new Claim(Owner, account.Owner));
        if (account.MustChangePassword)
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user's role, or null when not signed in.</summary>
    public static AccessRole? GetRole(this ClaimsPrincipal user) =>
        AccessRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    /// <summary>The partner office's organisation, or null.</summary>
    public static OrganisationRef? GetOrganisation(this ClaimsPrincipal user) =>
        OrganisationRef.TryParse(user.FindFirstValue(Organisation), out var organisation, out _) ? organisation : null;

    /// <summary>The owner the account is bound to, or null for an installation-wide account.</summary>
    public static string? GetOwner(this ClaimsPrincipal user) => user.FindFirstValue(Owner);

    /// <summary>Whether the user may see (and, by role, change) the owner: bound accounts only their own owner.</summary>
    public static bool CanAccessOwner(this ClaimsPrincipal user, string owner) =>
        user.GetOwner() is not { } bound || string.Equals(bound, owner?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the user signed in with a temporary password that must be changed first.</summary>
    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(MustChangePasswordClaim, "true");

    /// <summary>The display name, falling back to the user name.</summary>
    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>
    /// Whether the user may change data belonging to the municipality with this kommunkod: admins may change all,
    /// partner offices only their own municipality's, everyone else nothing.
    /// </summary>
    public static bool CanEditMunicipality(this ClaimsPrincipal user, string kommunkod) => user.GetRole() switch
    {
        AccessRole.Förbundsadmin => true,
        AccessRole.Partnerkontor => user.GetOrganisation()?.IsMunicipality(kommunkod) == true,
        _ => false,
    };
}
