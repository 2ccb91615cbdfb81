using System.Data.Common;
using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence.Inbox;

/// <summary><see cref="IWebhookInbox"/> on EF Core with <c>INSERT … ON CONFLICT DO NOTHING</c> for dedupe.</summary>
public sealed class EfWebhookInbox(IDbContextFactory<GatewayDbContext> contexts, TimeProvider time) : IWebhookInbox
{
    private const int MaxAttempts = 5;

    public async Task<InboxAppendResult> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new InboxAppendResult(0, 0);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(items, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex) when (attempt < MaxAttempts && IsRetryable(ex))
            {
                // The whole transaction was rolled back; ON CONFLICT makes running it again safe.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One transaction per delivery, its events inserted in delivery order (their ids are the processing order).
    /// <c>INSERT … ON CONFLICT ("DedupeKey") DO NOTHING</c> is the same statement on SQLite and PostgreSQL; identifiers
    /// are quoted (EF creates them case-sensitively on PostgreSQL) and values are parameters. A concurrent redelivery
    /// of the same event waits on PostgreSQL for the first transaction and then inserts nothing; on SQLite the
    /// writers are serialised (BEGIN IMMEDIATE, busy timeout).
    /// </summary>
    private async Task<InboxAppendResult> TryAppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var receivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var pending = nameof(InboxStatus.Pending);
        var stored = 0;
        foreach (var item in items)
        {
            stored += await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "webhook_inbox" ("DedupeKey", "Kind", "MetaCallId", "Payload", "ReceivedAt", "Status", "Attempts")
                VALUES ({item.DedupeKey}, {item.Kind}, {item.MetaCallId}, {item.Payload}, {receivedAt}, {pending}, 0)
                ON CONFLICT ("DedupeKey") DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new InboxAppendResult(stored, items.Count - stored);
    }

    /// <summary>
    /// PostgreSQL aborts one of two deliveries that insert overlapping events in opposite orders (each waits for the
    /// other's uncommitted key): SQLSTATE 40P01 deadlock_detected, or 40001 serialization_failure.
    /// </summary>
    private static bool IsRetryable(DbException ex) => ex.SqlState is "40P01" or "40001";

    public async Task<IReadOnlyList<InboxMessage>> GetPendingAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AsNoTracking().Where(m => m.Status == InboxStatus.Pending)
            .OrderBy(m => m.Id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task MarkProcessedAsync(long id, string outcome, CancellationToken cancellationToken) =>
        UpdateAsync(id, m =>
        {
            m.Status = InboxStatus.Processed;
            m.ProcessedAt = time.GetUtcNow();
            m.Attempts++;
            m.Outcome = Truncate(outcome);
        }, cancellationToken);

    public Task DeferAsync(long id, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, m =>
        {
            m.Attempts++;
            m.NextAttemptAt = nextAttemptAt;
            m.Outcome = Truncate(reason);
        }, cancellationToken);

    public Task MarkDeadAsync(long id, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, m =>
        {
            m.Status = InboxStatus.Dead;
            m.Attempts++;
            m.ProcessedAt = time.GetUtcNow();
            m.Outcome = Truncate(reason);
        }, cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(long id, Action<InboxMessage> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Inbox.FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return;
        }

        change(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
