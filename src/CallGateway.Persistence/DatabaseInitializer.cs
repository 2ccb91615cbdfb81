using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

        // A PostgreSQL database that does not exist yet is created by MigrateAsync (the role needs CREATEDB).
        var exists = await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
        if (exists)
        {
            var (history, inbox) = await FindTablesAsync(db, cancellationToken).ConfigureAwait(false);
            if (!history && inbox)
            {
                // Versions before migrations created the schema with EnsureCreated; migrating such a database would
                // fail half-way on "table already exists". Say so plainly instead.
                throw new InvalidOperationException(
                    $"The {provider} database was created by a version of CallGateway without migrations (its tables exist but "
                    + "__EFMigrationsHistory does not). Move it aside or drop it (for SQLite: delete the Storage:SqlitePath file "
                    + "and its -wal/-shm files) and start again; its rows are not carried over.");
            }

            if (!history)
            {
                // Npgsql reads a missing history table and lets EF log the failure as an error (npgsql/efcore.pg#3407):
                // create the empty table first so that a first start logs no false error.
                try
                {
                    await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException)
                {
                    // Another instance created it at the same moment; MigrateAsync (under EF's lock) does the rest.
                }
            }
        }

        var pending = exists
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList()
            : db.Database.GetMigrations().ToList();
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

    /// <summary>Whether the migration history table and one of our tables exist (in the schema EF uses).</summary>
    private static async Task<(bool History, bool Inbox)> FindTablesAsync(GatewayDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsSqlite()
                ? """
                  SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'),
                         EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'webhook_inbox')
                  """
                : """SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL, to_regclass('"webhook_inbox"') IS NOT NULL""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return (Convert.ToBoolean(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Applied {Provider} migrations: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string provider, IReadOnlyList<string> migrations);
}
