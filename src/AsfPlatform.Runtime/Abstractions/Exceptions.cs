namespace AsfPlatform.Runtime;

/// <summary>
/// The stored version of a state differs from the one the activation holds (Orleans' <c>InconsistentStateException</c>).
/// Another writer got there first; the activation is dropped and the next call sees the stored state.
/// </summary>
public class InconsistentStateException(string message, string? storedEtag, string? currentEtag, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The ETag in storage, when known.</summary>
    public string? StoredEtag { get; } = storedEtag;

    /// <summary>The ETag the caller held.</summary>
    public string? CurrentEtag { get; } = currentEtag;
}

/// <summary>A storage provider failed to read, write or clear a state; the message says which grain and operation.</summary>
public class GrainStorageException(string message, Exception? inner = null) : Exception(message, inner);
