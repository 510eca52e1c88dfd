using System.Text;
using System.Threading.Channels;
using AsfPlatform.Access;
using AsfPlatform.Contracts;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace AsfPlatform.Composition.Orleans;

/// <summary>
/// Grain storage for the embedded default (SQLite) with group commit: the writes of many grains that are pending at
/// once are committed in one transaction, one fsync for all of them, and each caller is answered only after the commit
/// that carries its write. SQLite has one writer, so with Orleans' ADO.NET provider (one commit per grain write) the
/// disk's commit rate was the ceiling of the whole platform (docs/BENCHMARKS.md, ADR 0002). The table is
/// <c>asf_grain_state</c> (AsfPlatform.Storage migration 003); version checks are the same compare-and-swap as the
/// provider's: a stale ETag gets <see cref="InconsistentStateException"/> and nothing of that write is stored.
/// A state that carries audit notes (<see cref="IAuditOutboxState"/>) has them inserted into <c>asf_audit_log</c> in the
/// same transaction as its row, once per note id: a change and its audit entry commit together or not at all.
/// </summary>
public sealed class SqliteGroupCommitGrainStorage : IGrainStorage, IAsyncDisposable
{
    // A batch larger than this is split: one transaction stays short enough for readers and the audit log's writer.
    private const int MaxBatch = 256;

    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>Creates the storage; the writer loop starts at once.</summary>
    public SqliteGroupCommitGrainStorage(string connectionString, string serviceId, IGrainStorageSerializer serializer)
    {
        (_connectionString, _serviceId, _serializer) = (connectionString, serviceId, serializer);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM asf_grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g";
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            var payload = reader.IsDBNull(1) ? null : reader.GetString(1);
            grainState.State = payload is null ? Activator.CreateInstance<T>() : _serializer.Deserialize<T>(new BinaryData(Encoding.UTF8.GetBytes(payload)));
            grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = payload is not null;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        // Serialized here, synchronously: the write carries the state as it was when it was asked for.
        EnqueueAsync(stateName, grainId, grainState, Encoding.UTF8.GetString(_serializer.Serialize(grainState.State).ToArray()));

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnqueueAsync(stateName, grainId, grainState, payload: null);
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }

    private async Task EnqueueAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, string? payload)
    {
        long? expected = string.IsNullOrEmpty(grainState.ETag) ? null : long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
        // Taken with the payload, synchronously: the notes are those of the state this write carries.
        var notes = payload is not null && grainState.State is IAuditOutboxState { AuditOutbox.Count: > 0 } outbox ? outbox.AuditOutbox.ToArray() : null;
        var write = new PendingWrite(stateName, grainId.ToString(), expected, payload, notes);
        if (!_pending.Writer.TryWrite(write))
            throw new ObjectDisposedException(nameof(SqliteGroupCommitGrainStorage));
        var version = await write.Done.Task;
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    private async Task WriteLoopAsync()
    {
        await using var connection = await OpenAsync();
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var write))
                batch.Add(write);
            try
            {
                var outcomes = Commit(connection, batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (outcomes[i] is { } version)
                        batch[i].Done.TrySetResult(version);
                    else
                        batch[i].Done.TrySetException(new InconsistentStateException(
                            $"Version conflict: {batch[i].StateName} of {batch[i].GrainId} is not at version {batch[i].Expected?.ToString() ?? "(none)"}; nothing was stored."));
                }
            }
            catch (Exception exception)
            {
                // The transaction was rolled back: none of the batch is stored, every caller hears so.
                foreach (var write in batch)
                    write.Done.TrySetException(exception);
            }
        }
    }

    // One transaction for the whole batch. A write whose version check fails changes nothing and does not stop the
    // others (each statement touches its own row); its outcome is null.
    private long?[] Commit(SqliteConnection connection, List<PendingWrite> batch)
    {
        var outcomes = new long?[batch.Count];
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO asf_grain_state (service_id, state_name, grain_id, version, payload) VALUES ($s, $n, $g, 1, $p) " +
            "ON CONFLICT DO NOTHING";
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE asf_grain_state SET version = version + 1, payload = $p " +
            "WHERE service_id = $s AND state_name = $n AND grain_id = $g AND version = $v RETURNING version";
        using var note = connection.CreateCommand();
        note.Transaction = transaction;
        note.CommandText = AuditLogSchema.SqliteInsertNote;
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            if (write.Expected is null)
            {
                Bind(insert, write);
                outcomes[i] = insert.ExecuteNonQuery() == 1 ? 1 : null;
            }
            else
            {
                Bind(update, write);
                update.Parameters.AddWithValue("$v", write.Expected.Value);
                outcomes[i] = update.ExecuteScalar() is long version ? version : null;
            }
            // Only a write that is stored brings its notes: a refused one (stale version) stores neither.
            if (outcomes[i] is not null && write.Notes is { } notes)
                foreach (var n in notes)
                    InsertNote(note, n);
        }
        transaction.Commit();
        return outcomes;
    }

    private static void InsertNote(SqliteCommand command, AuditNote note)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$entry_id", note.Id.ToString("D"));
        command.Parameters.AddWithValue("$occurred_at", AuditLogSchema.FormatTime(note.OccurredAt));
        command.Parameters.AddWithValue("$actor", note.Actor);
        command.Parameters.AddWithValue("$entity_type", note.EntityType);
        command.Parameters.AddWithValue("$entity_id", note.EntityId);
        command.Parameters.AddWithValue("$action", note.Action);
        command.Parameters.AddWithValue("$before_json", (object?)note.BeforeJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$after_json", (object?)note.AfterJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", (object?)note.Reason ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private void Bind(SqliteCommand command, PendingWrite write)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.AddWithValue("$n", write.StateName);
        command.Parameters.AddWithValue("$g", write.GrainId);
        command.Parameters.AddWithValue("$p", (object?)write.Payload ?? DBNull.Value);
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$g", grainId.ToString());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        // Wait inside SQLite for the audit log's writer instead of Microsoft.Data.Sqlite's 150 ms sleeps.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Finishes the pending writes, then closes the writer's connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private sealed record PendingWrite(string StateName, string GrainId, long? Expected, string? Payload, AuditNote[]? Notes)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
