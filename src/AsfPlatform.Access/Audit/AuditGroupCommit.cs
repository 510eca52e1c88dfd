using System.Threading.Channels;
using AsfPlatform.Access.Data;

namespace AsfPlatform.Access.Audit;

/// <summary>
/// Commits concurrent audit appends together: one writer drains the queue into a single transaction, so a burst of
/// N changes costs one commit (one fsync) instead of N that queue for the database's write lock. Each caller still
/// returns only after its own entry is committed, so an acknowledged change always has its audit entry.
/// </summary>
internal sealed class AuditGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly AccessDatabase _database;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AuditGroupCommit(AccessDatabase database)
    {
        _database = database;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(AuditGroupCommit));
        // Cancelling stops waiting, not the write: once queued, the entry is committed with its batch.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                var entries = new AuditEntry[batch.Count];
                await using (var connection = await _database.OpenAsync(CancellationToken.None))
                await using (var transaction = await connection.BeginTransactionAsync())
                {
                    for (var i = 0; i < batch.Count; i++)
                        entries[i] = await SqlAuditLog.AppendAsync(connection, transaction, batch[i].Record, CancellationToken.None);
                    await transaction.CommitAsync();
                }
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Completion.TrySetResult(entries[i]);
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                    pending.Completion.TrySetException(exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource<AuditEntry> Completion);
}
