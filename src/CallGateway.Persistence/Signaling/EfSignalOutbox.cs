using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence.Signaling;

public sealed class EfSignalOutbox(IDbContextFactory<GatewayDbContext> contexts, TimeProvider time) : ISignalOutbox
{
    public async Task<long> EnqueueAsync(string callId, string action, DateTimeOffset firstRetryAt, DateTimeOffset deadline, string error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = new SignalOutboxRecord
        {
            CallId = callId,
            Action = action,
            Status = OutboxStatus.Pending,
            Attempts = 1,
            CreatedAt = time.GetUtcNow(),
            NextAttemptAt = firstRetryAt,
            Deadline = deadline,
            LastError = Truncate(error),
        };
        db.SignalOutbox.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    public async Task<IReadOnlyList<SignalOutboxRecord>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SignalOutbox.AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .OrderBy(o => o.Id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(long id, OutboxStatus status, string? error, CancellationToken cancellationToken) =>
        UpdateAsync(id, row =>
        {
            row.Status = status;
            row.Attempts++;
            row.LastError = error is null ? row.LastError : Truncate(error);
        }, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateAsync(id, row =>
        {
            row.Attempts++;
            row.NextAttemptAt = nextAttemptAt;
            row.LastError = Truncate(error);
        }, cancellationToken);

    public async Task<IReadOnlyList<SignalOutboxRecord>> ListAsync(string callId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SignalOutbox.AsNoTracking().Where(o => o.CallId == callId).OrderBy(o => o.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(long id, Action<SignalOutboxRecord> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.SignalOutbox.FirstOrDefaultAsync(o => o.Id == id, cancellationToken).ConfigureAwait(false) is { } row)
        {
            change(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
