namespace AsfPlatform.Contracts;

/// <summary>
/// The caller's expected version (ETag) is not the current one: someone else changed the data first. Nothing was
/// stored. The web host maps this to HTTP 412.
/// </summary>
[GenerateSerializer, Alias("asf.ConcurrencyConflictException")]
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public ConcurrencyConflictException(string key, long expected, long current)
        : base($"Uppgifterna har ändrats av någon annan sedan du läste dem (förväntad version {expected}, aktuell version {current}). Läs in dem på nytt och försök igen.")
    {
        (Key, ExpectedVersion, CurrentVersion) = (key, expected, current);
    }

    /// <summary>The grain key.</summary>
    [Id(0)]
    public string Key { get; private set; }

    /// <summary>The version the caller expected.</summary>
    [Id(1)]
    public long ExpectedVersion { get; private set; }

    /// <summary>The current version.</summary>
    [Id(2)]
    public long CurrentVersion { get; private set; }
}

/// <summary>The addressed thing does not exist (yet). The web host maps this to HTTP 404.</summary>
[GenerateSerializer, Alias("asf.NotFoundException")]
public sealed class NotFoundException(string what) : Exception($"{what} finns inte.");
