using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AsfPlatform.Access.Audit;
using AsfPlatform.Access.Data;
using Dapper;

namespace AsfPlatform.Access.Tokens;

/// <summary>
/// Personal API tokens: 32 random bytes shown once as "asf_…"; only the SHA-256 hash is stored. A plain hash is
/// enough here (unlike passwords) because the secret has 256 bits of entropy, and it allows lookup by hash.
/// </summary>
internal sealed class SqlApiTokenService(AccessDatabase database, IUserAccountService accounts, TokenAuthenticationCache cache)
    : IApiTokenService
{
    internal const string SecretPrefix = "asf_";
    internal const string AuditEntityType = "api-nyckel";
    private const string Columns =
        "token_id AS TokenId, user_name AS UserName, name AS Name, prefix AS Prefix, created_at AS CreatedAt, " +
        "revoked_at AS RevokedAt";

    public async Task<IssuedApiToken> IssueAsync(string userName, string name, string actor,
        CancellationToken cancellationToken = default)
    {
        var tokenName = name?.Trim() ?? "";
        if (tokenName.Length is < 1 or > 80 || tokenName.Any(char.IsControl))
            throw new AccessValidationException("name", "Ge nyckeln ett namn på 1–80 tecken.");
        AccountRules.CheckFreeText("name", tokenName);
        var owner = await accounts.FindAsync(userName, cancellationToken);
        if (owner is null || owner.Disabled)
            throw new AccessValidationException("userName", "Användaren finns inte eller är avstängd.");

        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(),
            owner.UserName, tokenName, secret[..(SecretPrefix.Length + 4)],
            AccessDatabase.ParseTime(AccessDatabase.Now()), null);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO asf_access_tokens (token_id, user_name, name, prefix, token_hash, created_at, revoked_at)
            VALUES (@TokenId, @UserName, @Name, @Prefix, @hash, @createdAt, NULL)
            """,
            new
            {
                token.TokenId, token.UserName, token.Name, token.Prefix, hash = Hash(secret),
                createdAt = token.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"),
            }, transaction, cancellationToken: cancellationToken));
        await SqlAuditLog.AppendAsync(connection, transaction,
            new AuditRecord(actor, AuditEntityType, token.TokenId, "utfärdad", null, ToAuditJson(token)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedApiToken(token, secret);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_access_tokens WHERE user_name = @userName ORDER BY created_at DESC",
            new { userName = userName.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToToken()).ToList();
    }

    public async Task<bool> RevokeAsync(string userName, string tokenId, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM asf_access_tokens WHERE token_id = @tokenId AND user_name = @userName AND revoked_at IS NULL",
            new { tokenId, userName = userName.Trim().ToLowerInvariant() }, transaction, cancellationToken: cancellationToken));
        if (row is null)
            return false;
        var before = row.ToToken();
        var revokedAt = AccessDatabase.Now();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE asf_access_tokens SET revoked_at = @revokedAt WHERE token_id = @tokenId",
            new { revokedAt, tokenId }, transaction, cancellationToken: cancellationToken));
        var after = before with { RevokedAt = AccessDatabase.ParseTime(revokedAt) };
        await SqlAuditLog.AppendAsync(connection, transaction,
            new AuditRecord(actor, AuditEntityType, before.TokenId, "återkallad", ToAuditJson(before), ToAuditJson(after)),
            cancellationToken);
        await AccessRevision.RaiseAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<UserAccount?> AuthenticateAsync(string presentedSecret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedSecret) || !presentedSecret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            || presentedSecret.Length > 200)
            return null;
        var hash = Hash(presentedSecret);
        long revision;
        string? owner;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // Read before the lookup: a change committed after this read raises the revision past the cached one.
            revision = await AccessRevision.ReadAsync(connection, cancellationToken);
            if (cache.TryGet(hash, revision, out var cached))
                return cached;
            owner = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT user_name FROM asf_access_tokens WHERE token_hash = @hash AND revoked_at IS NULL",
                new { hash }, cancellationToken: cancellationToken));
        }
        if (owner is null)
            return null;
        var account = await accounts.FindAsync(owner, cancellationToken);
        if (account is not { Disabled: false })
            return null;
        cache.Add(hash, revision, account);
        return account;
    }

    internal static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string ToAuditJson(ApiToken token) => JsonSerializer.Serialize(new
    {
        tokenId = token.TokenId,
        userName = token.UserName,
        name = token.Name,
        prefix = token.Prefix,
        revokedAt = token.RevokedAt,
    });

    private sealed class TokenRow
    {
        public string TokenId { get; init; } = "";
        public string UserName { get; init; } = "";
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string? RevokedAt { get; init; }

        public ApiToken ToToken() => new(TokenId, UserName, Name, Prefix, AccessDatabase.ParseTime(CreatedAt),
            RevokedAt is null ? null : AccessDatabase.ParseTime(RevokedAt));
    }
}
