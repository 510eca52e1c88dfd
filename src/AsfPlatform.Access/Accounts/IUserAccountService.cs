namespace AsfPlatform.Access;

/// <summary>
/// Accounts and sign-in checks. Used by the web host and by the CLI (<c>asf users add</c>); every accepted change
/// is written to the audit log in the same transaction.
/// </summary>
public interface IUserAccountService
{
    /// <summary>Whether any enabled <see cref="AccessRole.Förbundsadmin"/> exists (the setup page closes once one does).</summary>
    Task<bool> AdminExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the first admin during first-run setup. Throws <see cref="AccessConflictException"/> when an admin
    /// already exists, also when two setups race.
    /// </summary>
    Task<UserAccount> CreateFirstAdminAsync(string userName, string displayName, string password,
        CancellationToken cancellationToken = default);

    /// <summary>Creates an account. Throws <see cref="AccessValidationException"/> or <see cref="AccessConflictException"/>.</summary>
    Task<UserAccount> CreateAsync(NewUserAccount account, string actor, CancellationToken cancellationToken = default);

    /// <summary>Changes an account; null when it does not exist.</summary>
    Task<UserAccount?> UpdateAsync(string userName, UserAccountChange change, string actor,
        CancellationToken cancellationToken = default);

    /// <summary>Sets a new password (and a new security stamp).</summary>
    Task<bool> SetPasswordAsync(string userName, string newPassword, string actor,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// An admin sets a temporary password: the account must choose a new one at its next sign-in (a new security
    /// stamp ends its sessions now). Null when the account does not exist; <see cref="AccessConcurrencyException"/>
    /// when <paramref name="expectedVersion"/> is given and the account is newer.
    /// </summary>
    Task<UserAccount?> ResetPasswordAsync(string userName, string temporaryPassword, string actor, long? expectedVersion = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The user replaces their own password, proving the current one; clears the must-change flag. Throws
    /// <see cref="AccessValidationException"/> naming <c>currentPassword</c> or <c>newPassword</c>.
    /// </summary>
    Task<UserAccount> ChangeOwnPasswordAsync(string userName, string currentPassword, string newPassword,
        long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Finds an account by user name (case-insensitive).</summary>
    Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>All accounts ordered by user name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a user name and password; returns the account when they match and the account is enabled, else null.
    /// Takes about as long for unknown users as for wrong passwords.
    /// </summary>
    Task<UserAccount?> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken = default);
}
