using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AsfPlatform.Host.Import;

/// <summary>A previewed import waiting for its confirmation: who may confirm it, for which owner, and its planned writes.</summary>
public sealed record PendingImport(string UserName, string Owner, ImportKind Kind, string? InsatsId, string FileName,
    ImportPreview Preview, IReadOnlyList<PlannedWrite> Writes, DateTimeOffset ExpiresAt);

/// <summary>
/// Previews waiting to be confirmed, by an unguessable token, for <see cref="Lifetime"/>. Kept in this host's memory:
/// enough for one host (the SQLite installation, and the sign-in that showed the preview); with several hosts behind a
/// balancer a confirmation must reach the host that made the preview (sticky sessions), or the user uploads again —
/// an unknown token is refused and nothing is applied. A token is taken once, so an import cannot be applied twice.
/// </summary>
public sealed class PendingImports(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>How long a preview can be confirmed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, PendingImport> _pending = new(StringComparer.Ordinal);

    /// <summary>When a preview made now expires.</summary>
    public DateTimeOffset NewExpiry() => time.GetUtcNow() + Lifetime;

    /// <summary>A fresh token (128 random bits, URL-safe).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Keeps a preview under its token; drops expired ones on the way, so the memory stays bounded by use.</summary>
    public void Add(string token, PendingImport pending)
    {
        var now = time.GetUtcNow();
        foreach (var (key, old) in _pending)
            if (old.ExpiresAt <= now)
                _pending.TryRemove(key, out _);
        _pending[token] = pending;
    }

    /// <summary>Takes the preview of <paramref name="token"/> when it is this user's, for this owner and kind, and not expired.</summary>
    public PendingImport? Take(string token, string userName, string owner, ImportKind kind)
    {
        if (!_pending.TryGetValue(token, out var pending) || pending.UserName != userName || pending.Owner != owner || pending.Kind != kind)
            return null;
        if (!_pending.TryRemove(new KeyValuePair<string, PendingImport>(token, pending)))
            return null; // another request took it first
        return pending.ExpiresAt > time.GetUtcNow() ? pending : null;
    }
}
