using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence;

/// <summary>Creates the schema on first start and switches SQLite to write-ahead logging.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<GatewayDbContext> contexts)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>For readiness probes: can we reach the database?</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
    }
}
