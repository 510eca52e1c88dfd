using System.Collections.Concurrent;

namespace AsfPlatform.Access.Tokens;

/// <summary>
/// Remembers recently authenticated API tokens for a few seconds, so a busy integration does not cost two database
/// reads per request. Any account change or token revocation in this process clears it at once; another host on
/// the same database sees such a change after at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class TokenAuthenticationCache(TimeProvider time)
{
    /// <summary>How long an authentication is reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (UserAccount Account, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, out UserAccount account)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && entry.Until > time.GetUtcNow())
        {
            account = entry.Account;
            return true;
        }
        account = null!;
        return false;
    }

    public void Add(string tokenHash, UserAccount account)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear(); // bounded: many distinct tokens just fall back to the database
        _entries[tokenHash] = (account, time.GetUtcNow() + Lifetime);
    }

    /// <summary>Forgets everything (an account or token changed).</summary>
    public void Clear() => _entries.Clear();
}
