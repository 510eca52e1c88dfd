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

/// <summary>
/// A replace failed midway (the database or the cluster failed, or someone changed a record meanwhile). When
/// <see cref="Undone"/>, everything it had written was put back from the backup taken just before it, so the
/// installation holds what it held before; otherwise <see cref="Before"/> is that backup, to restore by hand.
/// </summary>
/// <param name="message">Swedish, saying what happened and in what state the owner is.</param>
/// <param name="inner">The write that failed.</param>
/// <param name="undone">Whether what was written has been put back.</param>
/// <param name="before">The backup of the owner taken just before the replace.</param>
public sealed class BackupReplaceFailedException(string message, Exception inner, bool undone, BackupDocument before)
    : Exception(message, inner)
{
    /// <summary>Whether everything the replace wrote has been put back.</summary>
    public bool Undone { get; } = undone;

    /// <summary>The backup of the owner taken just before the replace.</summary>
    public BackupDocument Before { get; } = before;
}
