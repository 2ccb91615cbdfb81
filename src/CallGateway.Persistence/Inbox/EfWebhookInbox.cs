using System.Data.Common;
using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallGateway.Persistence.Inbox;

/// <summary>
/// <see cref="IWebhookInbox"/> on EF Core. Appends are group-committed (<see cref="InboxGroupCommit"/>) with
/// <c>INSERT … ON CONFLICT DO NOTHING</c> for dedupe, through one prepared command per transaction.
/// </summary>
public sealed class EfWebhookInbox : IWebhookInbox, IAsyncDisposable
{
    private const string InsertSql = """
        INSERT INTO "webhook_inbox" ("DedupeKey", "Kind", "MetaCallId", "Payload", "ReceivedAt", "Status", "Attempts")
        VALUES (@key, @kind, @call, @payload, @at, @status, 0)
        ON CONFLICT ("DedupeKey") DO NOTHING
        """;

    private readonly IDbContextFactory<GatewayDbContext> contexts;
    private readonly TimeProvider time;
    private readonly InboxGroupCommit groupCommit;

    public EfWebhookInbox(IDbContextFactory<GatewayDbContext> contexts, TimeProvider time)
    {
        this.contexts = contexts;
        this.time = time;
        groupCommit = new InboxGroupCommit(CommitAsync);
    }

    public Task<InboxAppendResult> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? Task.FromResult(new InboxAppendResult(0, 0)) : groupCommit.AppendAsync(items, cancellationToken);
    }

    private const int MaxAttempts = 5;

    /// <summary>Writes the deliveries in one transaction; returns how many rows of each were new.</summary>
    private async Task<int[]> CommitAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
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
    /// One transaction; events inserted in delivery order (their ids are the processing order).
    /// <c>INSERT … ON CONFLICT ("DedupeKey") DO NOTHING</c> is the same statement on SQLite and PostgreSQL; identifiers
    /// are quoted (EF creates them case-sensitively on PostgreSQL) and values are parameters.
    /// </summary>
    private async Task<int[]> TryCommitAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = tx.GetDbTransaction();
            command.CommandText = InsertSql;
            var key = AddParameter(command, "@key");
            var kind = AddParameter(command, "@kind");
            var call = AddParameter(command, "@call");
            var payload = AddParameter(command, "@payload");
            AddParameter(command, "@at").Value = time.GetUtcNow().ToUnixTimeMilliseconds();
            AddParameter(command, "@status").Value = nameof(InboxStatus.Pending);
            var stored = new int[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                foreach (var item in batch[i].Items)
                {
                    // Both SQLite and PostgreSQL understand ON CONFLICT; a concurrent redelivery cannot create a second row.
                    key.Value = item.DedupeKey;
                    kind.Value = item.Kind;
                    call.Value = (object?)item.MetaCallId ?? DBNull.Value;
                    payload.Value = item.Payload;
                    stored[i] += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async Task<IReadOnlyList<InboxMessage>> GetPendingAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AsNoTracking().Where(m => m.Status == InboxStatus.Pending)
            .OrderBy(m => m.Id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task MarkProcessedAsync(long id, string outcome, CancellationToken cancellationToken) =>
        UpdateAsync(id, InboxStatus.Processed, time.GetUtcNow(), null, outcome, cancellationToken);

    public Task DeferAsync(long id, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, InboxStatus.Pending, null, nextAttemptAt, reason, cancellationToken);

    public Task MarkDeadAsync(long id, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, InboxStatus.Dead, time.GetUtcNow(), null, reason, cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One UPDATE statement: counts the attempt and records the outcome.</summary>
    private async Task UpdateAsync(long id, InboxStatus status, DateTimeOffset? processedAt, DateTimeOffset? nextAttemptAt, string outcome, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var text = Truncate(outcome);
        await db.Inbox.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.ProcessedAt, processedAt)
            .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
            .SetProperty(m => m.Outcome, text), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => groupCommit.DisposeAsync();

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
