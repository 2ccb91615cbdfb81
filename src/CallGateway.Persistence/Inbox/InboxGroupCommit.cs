using System.Threading.Channels;

namespace CallGateway.Persistence.Inbox;

/// <summary>
/// Group commit for the inbox, its only writer in the process: deliveries and status marks that arrive while a
/// commit is in progress wait for the next one and are written together in one transaction, so a burst of webhooks
/// (and the dispatcher's marks) costs one durable flush instead of one each, and they never wait on each other's
/// locks. Every caller gets its answer only after its own rows are committed. A failing batch is retried one write
/// at a time, so one bad delivery cannot fail the others.
/// </summary>
internal sealed class InboxGroupCommit : IAsyncDisposable
{
    /// <summary>Upper bound on writes per transaction (keeps one commit short).</summary>
    public const int MaxBatch = 512;

    private readonly Channel<InboxWrite> _queue = Channel.CreateUnbounded<InboxWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<InboxWrite>, CancellationToken, Task<int[]>> _commit;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;

    /// <param name="commit">Runs the writes in one transaction and returns, per write, how many rows it changed.</param>
    public InboxGroupCommit(Func<IReadOnlyList<InboxWrite>, CancellationToken, Task<int[]>> commit)
    {
        _commit = commit;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<InboxAppendResult> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var pending = Enqueue(new PendingAppend(items));

        // A caller that gives up still has its rows committed: Meta redelivers, and the dedupe key absorbs it.
        return pending.Result.WaitAsync(cancellationToken);
    }

    public Task ChangeStatusAsync(PendingStatusChange change, CancellationToken cancellationToken) =>
        Enqueue(change).Done.WaitAsync(cancellationToken);

    private T Enqueue<T>(T write)
        where T : InboxWrite =>
        _queue.Writer.TryWrite(write) ? write : throw new ObjectDisposedException(nameof(InboxGroupCommit), "The inbox is shutting down.");

    private async Task WriteLoopAsync()
    {
        var batch = new List<InboxWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<InboxWrite> batch)
    {
        try
        {
            Complete(batch, await _commit(batch, _stopping.Token).ConfigureAwait(false));
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Fall through: find the write that fails by committing them one by one.
        }
        catch (Exception ex)
        {
            batch[0].Fail(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                Complete([pending], await _commit([pending], _stopping.Token).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                pending.Fail(ex);
            }
        }
    }

    private static void Complete(List<InboxWrite> batch, int[] rows)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(rows[i]);
        }
    }

    /// <summary>Stops taking writes and commits those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_writer, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false) != _writer)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
