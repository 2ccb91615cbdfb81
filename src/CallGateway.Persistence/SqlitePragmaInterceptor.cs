using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallGateway.Persistence;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL makes a commit survive a power loss, not only a process crash:
/// the inbox promises Meta that an acknowledged webhook is not lost. (journal_mode=WAL is persistent and set once.)
/// busy_timeout lets SQLite itself wait for another connection's write to finish, in steps of a few milliseconds;
/// without it Microsoft.Data.Sqlite retries a busy statement after sleeping its thread for 150 ms.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
