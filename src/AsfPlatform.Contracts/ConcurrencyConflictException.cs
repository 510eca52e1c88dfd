namespace AsfPlatform.Contracts;

/// <summary>
/// The caller's expected version (ETag) is not the current one: someone else changed the data first. Nothing was
/// stored. The web host maps this to HTTP 412.
/// </summary>
public sealed class ConcurrencyConflictException(string key, long expected, long current)
    : Exception($"Uppgifterna har ändrats av någon annan sedan du läste dem (förväntad version {expected}, aktuell version {current}). Läs in dem på nytt och försök igen.")
{
    /// <summary>The grain key.</summary>
    public string Key { get; } = key;

    /// <summary>The version the caller expected.</summary>
    public long ExpectedVersion { get; } = expected;

    /// <summary>The current version.</summary>
    public long CurrentVersion { get; } = current;
}

/// <summary>The addressed thing does not exist (yet). The web host maps this to HTTP 404.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} finns inte.");
