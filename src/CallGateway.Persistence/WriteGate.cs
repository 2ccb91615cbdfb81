using System.Collections.Concurrent;

namespace CallGateway.Persistence;

/// <summary>
/// Lets one write transaction at a time into a SQLite file from this process. SQLite has a single writer; when two
/// connections collide, the loser sleeps in SQLite's busy handler (1, 2, 5, 10, 15, 20 ms …) however soon the lock
/// is free, which showed up as 20–30 ms tails on webhook -> pre_accept under load. Waiting here instead wakes the
/// next writer the moment the previous one commits. Other processes on the same file still meet busy_timeout.
/// PostgreSQL needs no gate (row locks): <see cref="None"/>.
/// </summary>
public sealed class WriteGate
{
    private static readonly ConcurrentDictionary<string, WriteGate> ByFile = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim? _semaphore;

    private WriteGate(SemaphoreSlim? semaphore) => _semaphore = semaphore;

    /// <summary>No serialisation (a server database).</summary>
    public static WriteGate None { get; } = new(null);

    /// <summary>The one gate for the database file at <paramref name="fullPath"/>, shared by every context on it.</summary>
    public static WriteGate ForFile(string fullPath) => ByFile.GetOrAdd(fullPath, static _ => new WriteGate(new SemaphoreSlim(1, 1)));

    /// <summary>Waits for the gate; dispose the result to let the next writer in.</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return default;
        }

        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(_semaphore);
    }

    public Lease Enter()
    {
        _semaphore?.Wait();
        return new Lease(_semaphore);
    }

    public readonly struct Lease(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
