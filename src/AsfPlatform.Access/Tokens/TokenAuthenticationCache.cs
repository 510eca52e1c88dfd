using System.Collections.Concurrent;

namespace AsfPlatform.Access.Tokens;

/// <summary>
/// Remembers authenticated API tokens, so a busy integration costs one cheap revision read per request instead of
/// a token and an account lookup. Each entry carries the access revision (<see cref="Data.AccessRevision"/>) read
/// before its lookup and is reused only while the database still holds that revision: a revoked token or disabled
/// account is refused on the very next request on every host, not after a per-process expiry.
/// </summary>
internal sealed class TokenAuthenticationCache(TimeProvider time)
{
    /// <summary>How long an entry lives at most; it bounds memory, not staleness (the revision does that).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (UserAccount Account, long Revision, DateTimeOffset Until)> _entries =
        new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, long revision, out UserAccount account)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && entry.Revision == revision && entry.Until > time.GetUtcNow())
        {
            account = entry.Account;
            return true;
        }
        account = null!;
        return false;
    }

    /// <summary>Remembers an authentication looked up after <paramref name="revision"/> was read.</summary>
    public void Add(string tokenHash, long revision, UserAccount account)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear(); // bounded: many distinct tokens just fall back to the database
        _entries[tokenHash] = (account, revision, time.GetUtcNow() + Lifetime);
    }
}
