using CallGateway.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Permissions;

/// <summary>
/// Adds the <c>call_permissions</c> table to a database created before it existed: the schema is made with
/// EnsureCreated, which does nothing to an existing file. Runs once per process, on first use.
/// </summary>
public sealed class CallPermissionsSchema(IDbContextFactory<GatewayDbContext> contexts) : IDisposable
{
    private const string Table = "call_permissions";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await CreateIfMissingAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var exists = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'call_permissions'")
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (exists > 0)
        {
            return;
        }

        // The model's own DDL for this table (and its indexes), so the table is exactly what EnsureCreated makes.
        var statements = db.Database.GenerateCreateScript()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Contains($"\"{Table}\"", StringComparison.Ordinal));
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement.Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
