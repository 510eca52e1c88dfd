namespace AsfPlatform.Backup;

/// <summary>
/// The file is no backup this platform can restore: not a zip, another format, a newer version, a file missing or
/// changed (checksum), counts that disagree, invalid JSON, or a record the domain refuses. Nothing was stored.
/// </summary>
/// <param name="file">The file inside the backup that is wrong ("manifest.json", "events.json"), or null for the whole file.</param>
/// <param name="message">Swedish, saying what is wrong.</param>
public sealed class BackupInvalidException(string? file, string message)
    : Exception(file is null ? message : $"{file}: {message}")
{
    /// <summary>The file inside the backup that is wrong, or null for the whole file.</summary>
    public string? File { get; } = file;
}

/// <summary>
/// The restore would write over data already in this installation (the owner exists, or a record of it does).
/// Nothing was stored.
/// </summary>
/// <param name="message">Swedish, naming what is there already.</param>
public sealed class BackupConflictException(string message) : Exception(message);
