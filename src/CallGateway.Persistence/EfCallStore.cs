using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence;

/// <summary><see cref="ICallStore"/> on EF Core: one short-lived context per operation.</summary>
public sealed class EfCallStore(IDbContextFactory<GatewayDbContext> contexts) : ICallStore
{
    public async Task<CallState?> GetAsync(string callId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken).ConfigureAwait(false);
        return row?.ToState();
    }

    public async Task<CallState?> FindByMetaCallIdAsync(string metaCallId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.MetaCallId == metaCallId, cancellationToken).ConfigureAwait(false);
        return row?.ToState();
    }

    public async Task SaveAsync(CallState call, CallTransition? transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Calls.FirstOrDefaultAsync(c => c.Id == call.Id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new CallRecord();
            db.Calls.Add(row);
        }

        call.CopyTo(row);
        if (transition is not null)
        {
            db.CallTransitions.Add(transition.ToRecord(call.Id));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CallTransition>> GetHistoryAsync(string callId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CallTransitions.AsNoTracking().Where(t => t.CallId == callId).OrderBy(t => t.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => r.ToTransition());
    }

    public async Task<IReadOnlyList<CallState>> ListAsync(CallQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        IQueryable<CallRecord> rows = db.Calls.AsNoTracking();
        if (query.Status is { } status)
        {
            var text = status.ToString();
            rows = rows.Where(c => c.Status == text);
        }

        if (query.Direction is { } direction)
        {
            var text = direction.ToString();
            rows = rows.Where(c => c.Direction == text);
        }

        if (query.OpenOnly)
        {
            var terminated = nameof(CallStatus.Terminated);
            rows = rows.Where(c => c.Status != terminated);
        }

        if (query.Before is { } before)
        {
            rows = rows.Where(c => c.CreatedAt < before);
        }

        var list = await rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Math.Clamp(query.Limit, 1, 500))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return list.ConvertAll(r => r.ToState());
    }
}
