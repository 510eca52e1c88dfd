using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using AsfPlatform.Access.Audit;
using AsfPlatform.Access.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace AsfPlatform.Access.Accounts;

/// <summary>Accounts in the <c>asf_access_users</c> table, passwords hashed with ASP.NET Core Identity's hasher.</summary>
internal sealed class SqlUserAccountService(AccessDatabase database, IPasswordHasher<UserAccount> hasher)
    : IUserAccountService
{
    internal const string AuditEntityType = "användare";
    private const string Columns =
        "user_name AS UserName, display_name AS DisplayName, role AS Role, organisation AS Organisation, " +
        "password_hash AS PasswordHash, disabled AS Disabled, created_at AS CreatedAt, security_stamp AS SecurityStamp, " +
        "owner AS Owner, must_change_password AS MustChangePassword";

    // Verifying against this keeps the time for unknown user names close to that of wrong passwords.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(null!, "ingen-sådan-användare"));

    public async Task<bool> AdminExistsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AdminExistsAsync(connection, null, cancellationToken);
    }

    public async Task<UserAccount> CreateFirstAdminAsync(string userName, string displayName, string password,
        CancellationToken cancellationToken = default)
    {
        var account = Prepare(new NewUserAccount(userName, displayName, AccessRole.Förbundsadmin, null, password),
            out var hash);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (await AdminExistsAsync(connection, transaction, cancellationToken))
            throw new AccessConflictException("Det finns redan en förbundsadmin. Första start är redan genomförd.");
        // The setup marker's primary key makes a racing second setup fail even where the check above cannot see
        // the first one's uncommitted row.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO asf_access_setup (step, completed_at) VALUES ('first-admin', @now) ON CONFLICT DO NOTHING",
            new { now = AccessDatabase.Now() }, transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
            throw new AccessConflictException("Det finns redan en förbundsadmin. Första start är redan genomförd.");
        await InsertAsync(connection, transaction, account, hash, actor: account.UserName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    public async Task<UserAccount> CreateAsync(NewUserAccount newAccount, string actor,
        CancellationToken cancellationToken = default)
    {
        var account = Prepare(newAccount, out var hash);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await InsertAsync(connection, transaction, account, hash, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    public async Task<UserAccount?> UpdateAsync(string userName, UserAccountChange change, string actor,
        CancellationToken cancellationToken = default)
    {
        var key = AccountRules.NormalizeUserName(userName);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var row = await FindRowAsync(connection, transaction, key, cancellationToken);
        if (row is null)
            return null;
        var before = row.ToAccount();
        CheckVersion(before, change.ExpectedVersion);
        var role = change.Role ?? before.Role;
        var organisation = AccountRules.CheckOrganisation(role,
            change.Organisation ?? (change.Role is null || change.Role == before.Role ? before.Organisation : null));
        var after = before with
        {
            DisplayName = change.DisplayName is null ? before.DisplayName : AccountRules.NormalizeDisplayName(change.DisplayName),
            Role = role,
            Organisation = organisation,
            Disabled = change.Disabled ?? before.Disabled,
        };
        if (after == before)
            return before;
        if (before.Role == AccessRole.Förbundsadmin && !before.Disabled
            && (after.Role != AccessRole.Förbundsadmin || after.Disabled)
            && await CountEnabledAdminsAsync(connection, transaction, cancellationToken) <= 1)
            throw new AccessConflictException("Det måste finnas minst en aktiv förbundsadmin.");
        after = after with { SecurityStamp = NewStamp() };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE asf_access_users SET display_name = @DisplayName, role = @role, organisation = @organisation,
                disabled = @disabled, security_stamp = @SecurityStamp
            WHERE user_name = @UserName
            """,
            new
            {
                after.DisplayName, role = after.Role.ToString(), organisation = after.Organisation?.ToKey(),
                disabled = after.Disabled ? 1 : 0, after.SecurityStamp, after.UserName,
            }, transaction, cancellationToken: cancellationToken));
        await SqlAuditLog.AppendAsync(connection, transaction,
            new AuditRecord(actor, AuditEntityType, key, "ändrad", ToAuditJson(before), ToAuditJson(after)),
            cancellationToken);
        // A disabled account or changed role must not live on in any host's cached token authentication.
        await AccessRevision.RaiseAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    public async Task<bool> SetPasswordAsync(string userName, string newPassword, string actor,
        CancellationToken cancellationToken = default)
    {
        AccountRules.CheckPassword(newPassword);
        return await WritePasswordAsync(AccountRules.NormalizeUserName(userName), newPassword, mustChange: false,
            expectedVersion: null, actor, "nytt lösenord", cancellationToken) is not null;
    }

    public Task<UserAccount?> ResetPasswordAsync(string userName, string temporaryPassword, string actor,
        long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var key = AccountRules.NormalizeUserName(userName);
        AccountRules.CheckPassword(temporaryPassword);
        return WritePasswordAsync(key, temporaryPassword, mustChange: true, expectedVersion, actor,
            "lösenord återställt (tillfälligt)", cancellationToken);
    }

    public async Task<UserAccount> ChangeOwnPasswordAsync(string userName, string currentPassword, string newPassword,
        long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var key = AccountRules.NormalizeUserName(userName);
        UserRow? row;
        await using (var connection = await database.OpenAsync(cancellationToken))
            row = await FindRowAsync(connection, null, key, cancellationToken);
        if (row is null || row.Disabled != 0)
            throw new AccessValidationException("userName", "Kontot finns inte eller är avstängt.");
        var account = row.ToAccount();
        CheckVersion(account, expectedVersion);
        // Hashing is slow on purpose, so it runs before the write transaction; the version read here makes the write
        // refuse a password that someone else changed in between.
        if (hasher.VerifyHashedPassword(account, row.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
            throw new AccessValidationException("currentPassword", "Det nuvarande lösenordet stämmer inte.");
        AccountRules.CheckPassword(newPassword, "newPassword");
        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
            throw new AccessValidationException("newPassword", "Det nya lösenordet måste skilja sig från det nuvarande.");
        return await WritePasswordAsync(key, newPassword, mustChange: false, account.Version, key, "bytte eget lösenord",
            cancellationToken) ?? throw new AccessValidationException("userName", "Kontot finns inte eller är avstängt.");
    }

    private async Task<UserAccount?> WritePasswordAsync(string key, string newPassword, bool mustChange, long? expectedVersion,
        string actor, string action, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var row = await FindRowAsync(connection, transaction, key, cancellationToken);
        if (row is null)
            return null;
        var before = row.ToAccount();
        CheckVersion(before, expectedVersion);
        var after = before with { SecurityStamp = NewStamp(), MustChangePassword = mustChange };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE asf_access_users SET password_hash = @hash, security_stamp = @stamp, must_change_password = @mustChange
            WHERE user_name = @key
            """,
            new { hash = hasher.HashPassword(before, newPassword), stamp = after.SecurityStamp, mustChange = mustChange ? 1 : 0, key },
            transaction, cancellationToken: cancellationToken));
        await SqlAuditLog.AppendAsync(connection, transaction,
            new AuditRecord(actor, AuditEntityType, key, action, ToAuditJson(before), ToAuditJson(after)),
            cancellationToken);
        await AccessRevision.RaiseAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    private static void CheckVersion(UserAccount account, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != account.Version)
            throw new AccessConcurrencyException(account.Version);
    }

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var key = userName?.Trim().ToLowerInvariant() ?? "";
        if (key.Length == 0)
            return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await FindRowAsync(connection, null, key, cancellationToken))?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_access_users ORDER BY user_name", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    public async Task<UserAccount?> VerifyPasswordAsync(string userName, string password,
        CancellationToken cancellationToken = default)
    {
        var key = userName?.Trim().ToLowerInvariant() ?? "";
        password ??= "";
        UserRow? row = null;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (key.Length > 0)
                row = await FindRowAsync(connection, null, key, cancellationToken);
        }
        if (row is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return null;
        }
        var account = row.ToAccount();
        var result = hasher.VerifyHashedPassword(account, row.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || account.Disabled)
            return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE asf_access_users SET password_hash = @hash WHERE user_name = @key",
                new { hash = hasher.HashPassword(account, password), key }, cancellationToken: cancellationToken));
        }
        return account;
    }

    private UserAccount Prepare(NewUserAccount input, out string hash)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = new UserAccount(
            AccountRules.NormalizeUserName(input.UserName),
            AccountRules.NormalizeDisplayName(input.DisplayName),
            Enum.IsDefined(input.Role) ? input.Role : throw new AccessValidationException("role", "Okänd roll."),
            AccountRules.CheckOrganisation(input.Role, input.Organisation),
            Disabled: false,
            AccessDatabase.ParseTime(AccessDatabase.Now()),
            NewStamp(),
            AccountRules.NormalizeOwner(input.Owner),
            input.MustChangePassword);
        AccountRules.CheckPassword(input.Password);
        hash = hasher.HashPassword(account, input.Password);
        return account;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, UserAccount account,
        string hash, string actor, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO asf_access_users
                (user_name, display_name, role, organisation, password_hash, disabled, created_at, security_stamp,
                 owner, must_change_password)
            VALUES (@UserName, @DisplayName, @role, @organisation, @hash, 0, @createdAt, @SecurityStamp, @Owner, @mustChange)
            ON CONFLICT (user_name) DO NOTHING
            """,
            new
            {
                account.UserName, account.DisplayName, role = account.Role.ToString(),
                organisation = account.Organisation?.ToKey(), hash,
                createdAt = account.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"),
                account.SecurityStamp, account.Owner, mustChange = account.MustChangePassword ? 1 : 0,
            }, transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
            throw new AccessConflictException($"Användarnamnet \"{account.UserName}\" är redan upptaget.");
        await SqlAuditLog.AppendAsync(connection, transaction,
            new AuditRecord(actor, AuditEntityType, account.UserName, "skapad", null, ToAuditJson(account)),
            cancellationToken);
    }

    // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, taking the write lock up front, so check-then-insert
    // cannot interleave. PostgreSQL: read committed, so a racing insert waits on the primary key and then reports a
    // conflict instead of a serialization failure.
    private async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(
            database.IsPostgres ? System.Data.IsolationLevel.ReadCommitted : System.Data.IsolationLevel.Serializable,
            cancellationToken);

    private static async Task<bool> AdminExistsAsync(DbConnection connection, DbTransaction? transaction,
        CancellationToken cancellationToken) =>
        await CountEnabledAdminsAsync(connection, transaction, cancellationToken) > 0;

    private static Task<long> CountEnabledAdminsAsync(DbConnection connection, DbTransaction? transaction,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM asf_access_users WHERE role = @role AND disabled = 0",
            new { role = AccessRole.Förbundsadmin.ToString() }, transaction, cancellationToken: cancellationToken));

    private static Task<UserRow?> FindRowAsync(DbConnection connection, DbTransaction? transaction, string key,
        CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_access_users WHERE user_name = @key", new { key }, transaction,
            cancellationToken: cancellationToken));

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The audited view of an account: never the password hash or the security stamp.</summary>
    private static string ToAuditJson(UserAccount account) => JsonSerializer.Serialize(new
    {
        userName = account.UserName,
        displayName = account.DisplayName,
        role = account.Role.ToString(),
        organisation = account.Organisation?.ToKey(),
        disabled = account.Disabled,
        owner = account.Owner,
        mustChangePassword = account.MustChangePassword,
    });

    private sealed class UserRow
    {
        public string UserName { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? Organisation { get; init; }
        public string PasswordHash { get; init; } = "";
        public long Disabled { get; init; }
        public string CreatedAt { get; init; } = "";
        public string SecurityStamp { get; init; } = "";
        public string? Owner { get; init; }
        public long MustChangePassword { get; init; }

        public UserAccount ToAccount()
        {
            AccessRoles.TryParse(Role, out var role);
            OrganisationRef.TryParse(Organisation, out var organisation, out _);
            return new UserAccount(UserName, DisplayName, role, Organisation is null ? null : organisation,
                Disabled != 0, AccessDatabase.ParseTime(CreatedAt), SecurityStamp, Owner, MustChangePassword != 0);
        }
    }
}
