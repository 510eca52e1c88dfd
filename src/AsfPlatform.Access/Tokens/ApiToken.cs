namespace AsfPlatform.Access;

/// <summary>A personal API token as listed; the secret itself is never stored or shown again.</summary>
/// <param name="TokenId">Public identifier used to revoke the token.</param>
/// <param name="UserName">Owner.</param>
/// <param name="Name">What the owner called it, e.g. "Rapportexport".</param>
/// <param name="Prefix">The first characters of the secret, so the owner can recognise it.</param>
/// <param name="CreatedAt">When it was issued (UTC).</param>
/// <param name="RevokedAt">When it was revoked, or null while valid.</param>
public sealed record ApiToken(
    string TokenId,
    string UserName,
    string Name,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token still works.</summary>
    public bool IsActive => RevokedAt is null;
}

/// <summary>A freshly issued token: <see cref="Secret"/> is shown once and then only its SHA-256 hash exists.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);

/// <summary>Issues, lists, revokes and checks personal API tokens.</summary>
public interface IApiTokenService
{
    /// <summary>Issues a new random token for an enabled user.</summary>
    Task<IssuedApiToken> IssueAsync(string userName, string name, string actor, CancellationToken cancellationToken = default);

    /// <summary>The user's tokens, newest first.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token of the user; false when there is no such active token.</summary>
    Task<bool> RevokeAsync(string userName, string tokenId, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the enabled account an active token belongs to, by hashing the presented secret; null otherwise.
    /// </summary>
    Task<UserAccount?> AuthenticateAsync(string presentedSecret, CancellationToken cancellationToken = default);
}
