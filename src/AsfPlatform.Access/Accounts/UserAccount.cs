namespace AsfPlatform.Access;

/// <summary>
/// A user account as other modules see it. The password hash never leaves the Access module.
/// </summary>
/// <param name="UserName">Unique sign-in name, stored lower-case.</param>
/// <param name="DisplayName">Name shown in the UI and in the audit log.</param>
/// <param name="Role">The user's role.</param>
/// <param name="Organisation">The organisation a partner office acts for; null for other roles.</param>
/// <param name="Disabled">Disabled accounts cannot sign in and their tokens stop working.</param>
/// <param name="CreatedAt">When the account was created (UTC).</param>
/// <param name="SecurityStamp">Changes whenever role, organisation, password or status changes, so old
/// sign-in cookies stop working.</param>
public sealed record UserAccount(
    string UserName,
    string DisplayName,
    AccessRole Role,
    OrganisationRef? Organisation,
    bool Disabled,
    DateTimeOffset CreatedAt,
    string SecurityStamp);

/// <summary>What it takes to create an account (from the setup page, the admin page or <c>asf users add</c>).</summary>
public sealed record NewUserAccount(
    string UserName,
    string DisplayName,
    AccessRole Role,
    OrganisationRef? Organisation,
    string Password);

/// <summary>A change of role, organisation, display name or status; null members stay unchanged.</summary>
public sealed record UserAccountChange(
    string? DisplayName = null,
    AccessRole? Role = null,
    OrganisationRef? Organisation = null,
    bool? Disabled = null);
