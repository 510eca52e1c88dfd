using AsfPlatform.Access.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Access.SignIn;

/// <summary>
/// <see cref="ISignInThrottle"/> in table <c>asf_signin_failures</c>: one row per account ("konto:anna") and per
/// address ("adress:10.0.0.7") with the start of its window and the failures in it; one upsert per failure, so
/// concurrent failures on several hosts all count.
/// </summary>
internal sealed class SqlSignInThrottle(AccessDatabase database, IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock)
    : ISignInThrottle
{
    public async Task<TimeSpan?> BlockedForAsync(string userName, string? address, CancellationToken cancellationToken = default)
    {
        var limits = options.CurrentValue;
        var window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT partition_key AS PartitionKey, window_start AS WindowStart, failures AS Failures FROM asf_signin_failures " +
            "WHERE partition_key = @account OR partition_key = @address",
            new { account = AccountKey(userName), address = AddressKey(address) }, cancellationToken: cancellationToken));
        TimeSpan? wait = null;
        foreach (var row in rows)
        {
            var limit = row.PartitionKey.StartsWith("konto:", StringComparison.Ordinal) ? limits.PermitLimit : limits.AddressPermitLimit;
            var endsAt = row.WindowStart + (long)window.TotalMilliseconds;
            if (row.Failures >= Math.Max(1, limit) && endsAt > now)
            {
                var left = TimeSpan.FromMilliseconds(endsAt - now);
                wait = wait is { } w && w > left ? w : left;
            }
        }
        return wait;
    }

    public async Task RecordFailureAsync(string userName, string? address, CancellationToken cancellationToken = default)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.WindowSeconds));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in new[] { AccountKey(userName), AddressKey(address) })
            // A window that has ended starts again at this failure; both SET expressions read the row as it was.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO asf_signin_failures (partition_key, window_start, failures) VALUES (@key, @now, 1)
                ON CONFLICT (partition_key) DO UPDATE SET
                    failures = CASE WHEN asf_signin_failures.window_start <= @expired THEN 1 ELSE asf_signin_failures.failures + 1 END,
                    window_start = CASE WHEN asf_signin_failures.window_start <= @expired THEN @now ELSE asf_signin_failures.window_start END
                """,
                new { key, now, expired = now - (long)window.TotalMilliseconds }, cancellationToken: cancellationToken));
    }

    public async Task RecordSuccessAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM asf_signin_failures WHERE partition_key = @key",
            new { key = AccountKey(userName) }, cancellationToken: cancellationToken));
    }

    private static string AccountKey(string userName) => "konto:" + userName.Trim().ToLowerInvariant();

    private static string AddressKey(string? address) => "adress:" + (address ?? "okänd");

    // Settable properties, not a positional record: Dapper then converts each database's integer type by name.
    private sealed class Row
    {
        public string PartitionKey { get; set; } = "";
        public long WindowStart { get; set; }
        public long Failures { get; set; }
    }
}
