using CallGateway.Persistence.Entities;

namespace CallGateway.Persistence.Inbox;

/// <summary>A write to the inbox waiting for the next group commit; completed once its transaction committed.</summary>
internal abstract class InboxWrite
{
    /// <summary>Called after the commit with the number of rows the write changed.</summary>
    public abstract void Complete(int rows);

    public abstract void Fail(Exception error);
}

/// <summary>One delivery's events to insert (duplicates are counted, not stored).</summary>
internal sealed class PendingAppend(IReadOnlyList<InboxItem> items) : InboxWrite
{
    private readonly TaskCompletionSource<InboxAppendResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<InboxItem> Items { get; } = items;

    public Task<InboxAppendResult> Result => _result.Task;

    public override void Complete(int rows) => _result.TrySetResult(new InboxAppendResult(rows, Items.Count - rows));

    public override void Fail(Exception error) => _result.TrySetException(error);
}

/// <summary>A processed, deferred or dead mark on one event: counts the attempt and records the outcome.</summary>
internal sealed class PendingStatusChange(long id, InboxStatus status, DateTimeOffset? processedAt, DateTimeOffset? nextAttemptAt, string outcome) : InboxWrite
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Id { get; } = id;
    public InboxStatus Status { get; } = status;
    public DateTimeOffset? ProcessedAt { get; } = processedAt;
    public DateTimeOffset? NextAttemptAt { get; } = nextAttemptAt;
    public string Outcome { get; } = outcome;

    public Task Done => _done.Task;

    public override void Complete(int rows) => _done.TrySetResult();

    public override void Fail(Exception error) => _done.TrySetException(error);
}
