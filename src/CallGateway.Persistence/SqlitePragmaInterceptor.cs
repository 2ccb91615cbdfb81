using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallGateway.Persistence;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL makes a commit survive a power loss, not only a process crash:
/// the inbox promises Meta that an acknowledged webhook is not lost. (journal_mode=WAL is persistent and set once.)
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
