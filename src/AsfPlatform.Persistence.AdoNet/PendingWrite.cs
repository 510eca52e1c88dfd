namespace AsfPlatform.Persistence.AdoNet;

/// <summary>
/// A write (or a clear, when <see cref="Payload"/> is null) waiting for the group-commit writer.
/// <see cref="ExpectedVersion"/> null means insert.
/// </summary>
internal sealed class PendingWrite(StateKey key, long? expectedVersion, int stateSchemaVersion, string? payload)
{
    public StateKey Key { get; } = key;

    public long? ExpectedVersion { get; } = expectedVersion;

    public long NewVersion => (ExpectedVersion ?? 0) + 1;

    public int StateSchemaVersion { get; } = stateSchemaVersion;

    public string? Payload { get; } = payload;

    // Continuations run off the writer loop so one slow caller can't stall the next commit.
    public TaskCompletionSource<WriteOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The result of one compare-and-swap: applied, or lost to the version now stored (null: no row).</summary>
internal readonly record struct WriteOutcome(bool Applied, long? StoredVersion);
