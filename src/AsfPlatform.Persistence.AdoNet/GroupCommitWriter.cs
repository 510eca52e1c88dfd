using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AsfPlatform.Persistence.AdoNet;

/// <summary>
/// Group commit: one writer loop per storage takes every write that is waiting, runs each compare-and-swap in one
/// transaction, commits once (one fsync for the lot) and then completes each caller. A lost compare-and-swap
/// affects 0 rows and fails only its own caller. If the transaction itself fails, the writes are retried one per
/// transaction so that only the write that causes the failure fails.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<CancellationToken, Task<DbConnection>> _openConnection;
    private readonly int _maxWritesPerCommit;
    private readonly ILogger _logger;
    private readonly Task _loop;

    private long _commits;
    private DbConnection? _connection;
    private DbCommand? _insert;
    private DbCommand? _update;

    public GroupCommitWriter(Func<CancellationToken, Task<DbConnection>> openConnection, int maxWritesPerCommit, ILogger logger)
    {
        _openConnection = openConnection;
        _maxWritesPerCommit = Math.Max(1, maxWritesPerCommit);
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far; fewer than the writes when group commit is doing its job.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues a write; the task completes after the commit that holds it.</summary>
    public Task<WriteOutcome> WriteAsync(PendingWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(AdoNetGrainStorage), "Lagringen är stängd.");
        }

        return write.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Writes already queued are still committed before the connection closes.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await ResetConnectionAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(_maxWritesPerCommit);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxWritesPerCommit && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        try
        {
            var outcomes = await ExecuteInTransactionAsync(batch).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(outcomes[i]);
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _logger.LogWarning(ex, "Group commit of {Count} writes failed; retrying them one per transaction", batch.Count);
            await ResetConnectionAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await ResetConnectionAsync().ConfigureAwait(false);
            batch[0].Completion.TrySetException(ex);
            return;
        }

        foreach (var write in batch)
        {
            try
            {
                var outcomes = await ExecuteInTransactionAsync([write]).ConfigureAwait(false);
                write.Completion.TrySetResult(outcomes[0]);
            }
            catch (Exception ex)
            {
                await ResetConnectionAsync().ConfigureAwait(false);
                write.Completion.TrySetException(ex);
            }
        }
    }

    private async Task<WriteOutcome[]> ExecuteInTransactionAsync(IReadOnlyList<PendingWrite> writes)
    {
        var connection = await EnsureConnectionAsync().ConfigureAwait(false);
        var affected = new int[writes.Count];

        // Same order in every host (and stable, so two writes of one state keep their arrival order).
        var order = Enumerable.Range(0, writes.Count).OrderBy(i => writes[i].Key).ToArray();

        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (connection.CanCreateBatch)
        {
            // PostgreSQL: the whole group travels in one round trip.
            await using var dbBatch = connection.CreateBatch();
            dbBatch.Transaction = transaction;
            foreach (var i in order)
            {
                var command = dbBatch.CreateBatchCommand();
                command.CommandText = writes[i].ExpectedVersion is null ? StateRows.Insert : StateRows.Update;
                StateRows.Bind(command.Parameters, command.CreateParameter, writes[i]);
                dbBatch.BatchCommands.Add(command);
            }

            await dbBatch.ExecuteNonQueryAsync().ConfigureAwait(false);
            for (var n = 0; n < order.Length; n++)
            {
                affected[order[n]] = dbBatch.BatchCommands[n].RecordsAffected;
            }
        }
        else
        {
            // SQLite: statements are cheap in-process calls; reusing two commands keeps them prepared.
            foreach (var i in order)
            {
                var command = writes[i].ExpectedVersion is null ? _insert! : _update!;
                command.Transaction = transaction;
                command.Parameters.Clear();
                StateRows.Bind(command.Parameters, command.CreateParameter, writes[i]);
                affected[i] = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        var outcomes = new WriteOutcome[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            outcomes[i] = affected[i] == 1
                ? new WriteOutcome(true, writes[i].NewVersion)
                : new WriteOutcome(false, await StateRows.ReadVersionAsync(connection, transaction, writes[i].Key, default).ConfigureAwait(false));
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _commits);
        return outcomes;
    }

    private async Task<DbConnection> EnsureConnectionAsync()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = await _openConnection(default).ConfigureAwait(false);
        _insert = connection.CreateCommand();
        _insert.CommandText = StateRows.Insert;
        _update = connection.CreateCommand();
        _update.CommandText = StateRows.Update;
        _connection = connection;
        return connection;
    }

    private async Task ResetConnectionAsync()
    {
        // After a failure the connection may be broken or mid-transaction; a fresh one is cheap compared to a commit.
        // Closing a broken connection can throw too, and nothing may end the writer loop: every later write would hang.
        try
        {
            if (_insert is not null) await _insert.DisposeAsync().ConfigureAwait(false);
            if (_update is not null) await _update.DisposeAsync().ConfigureAwait(false);
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Closing the group-commit connection after a failure failed");
        }

        _insert = _update = null;
        _connection = null;
    }
}
