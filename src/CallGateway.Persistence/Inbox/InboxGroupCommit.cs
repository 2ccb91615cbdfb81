using System.Threading.Channels;

namespace CallGateway.Persistence.Inbox;

/// <summary>
/// Group commit for the inbox: deliveries that arrive while a commit is in progress wait for the next one and are
/// written together in one transaction, so a burst of webhooks costs one durable flush instead of one each.
/// Every caller still gets its answer only after its own rows are committed. A failing batch is retried one delivery
/// at a time, so one bad delivery cannot fail the others.
/// </summary>
internal sealed class InboxGroupCommit : IAsyncDisposable
{
    /// <summary>Upper bound on deliveries per transaction (keeps one commit short).</summary>
    public const int MaxBatch = 256;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<PendingAppend>, CancellationToken, Task<int[]>> _commit;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;

    /// <param name="commit">Writes the deliveries in one transaction and returns, per delivery, how many rows were new.</param>
    public InboxGroupCommit(Func<IReadOnlyList<PendingAppend>, CancellationToken, Task<int[]>> commit)
    {
        _commit = commit;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<InboxAppendResult> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(items);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(InboxGroupCommit), "The inbox is shutting down.");
        }

        // A caller that gives up still has its rows committed: Meta redelivers, and the dedupe key absorbs it.
        return pending.Result.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
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

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        try
        {
            Complete(batch, await _commit(batch, _stopping.Token).ConfigureAwait(false));
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Fall through: find the delivery that cannot be stored by committing them one by one.
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

    private static void Complete(List<PendingAppend> batch, int[] stored)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Succeed(new InboxAppendResult(stored[i], batch[i].Items.Count - stored[i]));
        }
    }

    /// <summary>Stops taking deliveries and commits those already queued.</summary>
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

/// <summary>One delivery's events waiting for the next group commit.</summary>
internal sealed class PendingAppend(IReadOnlyList<InboxItem> items)
{
    private readonly TaskCompletionSource<InboxAppendResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<InboxItem> Items { get; } = items;

    public Task<InboxAppendResult> Result => _result.Task;

    public void Succeed(InboxAppendResult result) => _result.TrySetResult(result);

    public void Fail(Exception error) => _result.TrySetException(error);
}
