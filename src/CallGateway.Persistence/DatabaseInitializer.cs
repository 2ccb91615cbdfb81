using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallGateway.Persistence;

/// <summary>
/// Brings the schema up to date on start (EF Core migrations of the configured provider; concurrent starts are
/// serialised by EF's migration lock) and switches SQLite to write-ahead logging.
/// </summary>
public sealed partial class DatabaseInitializer(IDbContextFactory<GatewayDbContext> contexts, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var provider = db.Database.IsSqlite() ? "SQLite" : "PostgreSQL";
        await RefuseDatabaseWithoutHistoryAsync(db, provider, cancellationToken).ConfigureAwait(false);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            LogMigrated(logger, provider, pending);
        }

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

    /// <summary>
    /// Versions before migrations created the schema with EnsureCreated: such a database has our tables but no
    /// migration history, and migrating it would fail half-way on "table already exists". Say so plainly instead.
    /// </summary>
    private static async Task RefuseDatabaseWithoutHistoryAsync(GatewayDbContext db, string provider, CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            || (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsSqlite()
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'webhook_inbox'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'webhook_inbox'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new InvalidOperationException(
                    $"The {provider} database was created by a version of CallGateway without migrations (its tables exist but "
                    + "__EFMigrationsHistory does not). Move it aside or drop it (for SQLite: delete the Storage:SqlitePath file "
                    + "and its -wal/-shm files) and start again; its rows are not carried over.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Applied {Provider} migrations: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string provider, IReadOnlyList<string> migrations);
}
