namespace AsfPlatform.Access;

/// <summary>
/// Input was rejected and nothing was stored. <see cref="Field"/> names the input field; the message is Swedish
/// and says why, so it can be shown to the user as is (or as a ProblemDetails error).
/// </summary>
public sealed class AccessValidationException(string field, string message) : Exception(message)
{
    /// <summary>The field that was wrong, e.g. "userName".</summary>
    public string Field { get; } = field;
}

/// <summary>The operation conflicts with stored data, e.g. the user name is taken or setup is already done.</summary>
public sealed class AccessConflictException(string message) : Exception(message);

/// <summary>
/// The account changed since the caller read it (its version is not the expected one). Nothing was stored;
/// <see cref="CurrentVersion"/> is the version now.
/// </summary>
public sealed class AccessConcurrencyException(long currentVersion)
    : Exception("Någon annan har ändrat kontot sedan du läste det. Ingenting sparades; läs kontot igen.")
{
    /// <summary>The account's version now.</summary>
    public long CurrentVersion { get; } = currentVersion;
}
