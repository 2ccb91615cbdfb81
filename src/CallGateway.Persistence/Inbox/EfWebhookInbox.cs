using System.Data.Common;
using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallGateway.Persistence.Inbox;

/// <summary>
/// <see cref="IWebhookInbox"/> on EF Core. Appends and status marks are group-committed (<see cref="InboxGroupCommit"/>):
/// <c>INSERT … ON CONFLICT DO NOTHING</c> for dedupe and one-statement UPDATEs, each command created once per transaction.
/// </summary>
public sealed class EfWebhookInbox : IWebhookInbox, IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly IDbContextFactory<GatewayDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly InboxGroupCommit _groupCommit;

    public EfWebhookInbox(IDbContextFactory<GatewayDbContext> contexts, TimeProvider time)
    {
        _contexts = contexts;
        _time = time;
        _groupCommit = new InboxGroupCommit(CommitAsync);
    }

    public Task<InboxAppendResult> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? Task.FromResult(new InboxAppendResult(0, 0)) : _groupCommit.AppendAsync(items, cancellationToken);
    }

    public async Task<IReadOnlyList<InboxMessage>> GetPendingAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AsNoTracking().Where(m => m.Status == InboxStatus.Pending)
            .OrderBy(m => m.Id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task MarkProcessedAsync(long id, string outcome, CancellationToken cancellationToken) =>
        _groupCommit.ChangeStatusAsync(new PendingStatusChange(id, InboxStatus.Processed, _time.GetUtcNow(), null, Truncate(outcome)), cancellationToken);

    public Task DeferAsync(long id, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        _groupCommit.ChangeStatusAsync(new PendingStatusChange(id, InboxStatus.Pending, null, nextAttemptAt, Truncate(reason)), cancellationToken);

    public Task MarkDeadAsync(long id, string reason, CancellationToken cancellationToken) =>
        _groupCommit.ChangeStatusAsync(new PendingStatusChange(id, InboxStatus.Dead, _time.GetUtcNow(), null, Truncate(reason)), cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _groupCommit.DisposeAsync();

    /// <summary>Runs the writes in one transaction; returns how many rows each changed (for an append: how many were new).</summary>
    private async Task<int[]> CommitAsync(IReadOnlyList<InboxWrite> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCommitAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex) when (attempt < MaxAttempts && IsRetryable(ex))
            {
                // The whole transaction was rolled back; ON CONFLICT makes running it again safe.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// PostgreSQL aborts one of two transactions that insert overlapping events in opposite orders (each waits for
    /// the other's uncommitted key): SQLSTATE 40P01 deadlock_detected, or 40001 serialization_failure. Within one
    /// process the group commit is the only writer of the inbox; this happens between replicas.
    /// </summary>
    private static bool IsRetryable(DbException ex) => ex.SqlState is "40P01" or "40001";

    /// <summary>
    /// One transaction, the writes in queue order (inserted events get ids in delivery order: the processing order).
    /// <c>INSERT … ON CONFLICT ("DedupeKey") DO NOTHING</c> is the same statement on SQLite and PostgreSQL; identifiers
    /// are quoted (EF creates them case-sensitively on PostgreSQL) and values are parameters.
    /// </summary>
    private async Task<int[]> TryCommitAsync(IReadOnlyList<InboxWrite> batch, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        using var lease = await db.WriteGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Any(w => w is PendingAppend))
        {
            // Meta is told 200 only after this commit: it must survive a power loss (status marks need not).
            await db.MakeCommitDurableAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        using var inserts = new InboxInsertCommand(connection, transaction, _time.GetUtcNow());
        using var updates = new InboxUpdateCommand(connection, transaction);
        var rows = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            rows[i] = batch[i] switch
            {
                PendingAppend append => await inserts.RunAsync(append.Items, cancellationToken).ConfigureAwait(false),
                PendingStatusChange change => await updates.RunAsync(change, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException("unknown inbox write " + batch[i].GetType().Name),
            };
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
