using CallGateway.Persistence;
using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Bench.Gateway;

/// <summary>Reads the gateway's SQLite inbox from outside the process (WAL allows a reader next to the writer).</summary>
internal sealed class InboxProbe(string databasePath)
{
    public async Task<(int Total, int Pending, int Processed)> CountAsync()
    {
        await using var db = new SqliteGatewayDbContext(SqliteGatewayDbContext.Configure(new DbContextOptionsBuilder<SqliteGatewayDbContext>(), databasePath).Options as DbContextOptions<SqliteGatewayDbContext>
            ?? throw new InvalidOperationException("options"));
        var byStatus = await db.Inbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        int Of(InboxStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return (byStatus.Sum(x => x.Count), Of(InboxStatus.Pending), Of(InboxStatus.Processed));
    }

    /// <summary>Waits until nothing is pending (at most <paramref name="timeout"/>); returns the seconds it took.</summary>
    public async Task<double?> WaitDrainedAsync(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < timeout)
        {
            if ((await CountAsync()).Pending == 0)
            {
                return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
