using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence.Signaling;

public sealed class EfSignalAttemptStore(IDbContextFactory<GatewayDbContext> contexts) : ISignalAttemptStore
{
    public async Task AppendAsync(IReadOnlyList<SignalAttemptRecord> attempts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.SignalAttempts.AddRange(attempts);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SignalAttemptRecord>> ListAsync(string callId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SignalAttempts.AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
