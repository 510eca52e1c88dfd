namespace AsfPlatform.Access;

/// <summary>
/// Failed sign-ins counted per account and per client address in the access database, so every host of a cluster
/// sees the same count: five wrong passwords lock that account for a while, not the office that shares its address,
/// and N hosts do not allow N times as many guesses.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long the account or the address must wait before trying again; null when it may try now.</summary>
    Task<TimeSpan?> BlockedForAsync(string userName, string? address, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt against the account and the address.</summary>
    Task RecordFailureAsync(string userName, string? address, CancellationToken cancellationToken = default);

    /// <summary>A successful sign-in clears the account's count (the address keeps its own).</summary>
    Task RecordSuccessAsync(string userName, CancellationToken cancellationToken = default);
}

/// <summary>Limits of <see cref="ISignInThrottle"/> ("Security:SignIn").</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failed attempts allowed per account and window.</summary>
    public int PermitLimit { get; set; } = 5;

    /// <summary>Failed attempts allowed per client address and window: an office of many people shares one address.</summary>
    public int AddressPermitLimit { get; set; } = 50;

    /// <summary>Window length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}
