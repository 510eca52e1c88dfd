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
/// <param name="Owner">The owner (insatsägare) the account is bound to; null for an installation-wide account.</param>
/// <param name="MustChangePassword">The password was set by an admin and is temporary: the user must choose a new one
/// at the next sign-in before doing anything else on the web (API tokens are unaffected).</param>
public sealed record UserAccount(
    string UserName,
    string DisplayName,
    AccessRole Role,
    OrganisationRef? Organisation,
    bool Disabled,
    DateTimeOffset CreatedAt,
    string SecurityStamp,
    string? Owner = null,
    bool MustChangePassword = false)
{
    /// <summary>
    /// The account's version for If-Match/ETag: derived from the security stamp, which every change renews, so the
    /// stamp itself (what a sign-in cookie is checked against) is never shown.
    /// </summary>
    public long Version =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SecurityStamp)), 0)
        & long.MaxValue;
}

/// <summary>What it takes to create an account (from the setup page, the admin page or <c>asf users add</c>).
/// <paramref name="Owner"/> binds the account to one owner (null: installation-wide); a
/// <paramref name="MustChangePassword"/> account must replace the given password at its first sign-in.</summary>
public sealed record NewUserAccount(
    string UserName,
    string DisplayName,
    AccessRole Role,
    OrganisationRef? Organisation,
    string Password,
    string? Owner = null,
    bool MustChangePassword = false);

/// <summary>A change of role, organisation, display name or status; null members stay unchanged.
/// <paramref name="ExpectedVersion"/>, when given, is the <see cref="UserAccount.Version"/> the change was based on:
/// a newer account refuses it with <see cref="AccessConcurrencyException"/>.</summary>
public sealed record UserAccountChange(
    string? DisplayName = null,
    AccessRole? Role = null,
    OrganisationRef? Organisation = null,
    bool? Disabled = null,
    long? ExpectedVersion = null);

/// <summary>Owner ids on accounts, checked the way the Access module stores them.</summary>
public static class AccountOwners
{
    /// <summary>The owner id in stored form; null for blank (installation-wide). Throws
    /// <see cref="AccessValidationException"/> naming <c>owner</c> when it cannot be an owner id.</summary>
    public static string? Normalize(string? owner) => AccountRules.NormalizeOwner(owner);
}
