using System.Collections.Concurrent;

namespace CallGateway.Settings;

/// <summary>
/// A small time-to-live cache on an injected clock. A value fetched while an entry was invalidated is returned but
/// not stored, so an invalidation is never undone by a slow fetch that started before it.
/// </summary>
public sealed class TimedCache<TKey, TValue>(TimeProvider time, TimeSpan lifetime, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;

    public TimeSpan Lifetime => lifetime;

    public bool TryGet(TKey key, out TValue value, out DateTimeOffset storedAt)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.StoredAt < lifetime)
        {
            (value, storedAt) = (entry.Value, entry.StoredAt);
            return true;
        }

        (value, storedAt) = (default!, default);
        return false;
    }

    /// <summary>The cached value when fresh; otherwise fetches it, stores it and returns it.</summary>
    public async Task<CacheResult<TValue>> GetOrFetchAsync(TKey key, Func<CancellationToken, Task<TValue>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (TryGet(key, out var cached, out var storedAt))
        {
            return new CacheResult<TValue>(cached, true, storedAt);
        }

        var generation = Interlocked.Read(ref _generation);
        var value = await fetch(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (Interlocked.Read(ref _generation) == generation)
        {
            Set(key, value, now);
        }

        return new CacheResult<TValue>(value, false, now);
    }

    public void Invalidate(TKey key)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(key, out _);
    }

    private void Set(TKey key, TValue value, DateTimeOffset now)
    {
        if (_entries.Count >= capacity)
        {
            foreach (var stale in _entries.Where(e => now - e.Value.StoredAt >= lifetime).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }

            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
        }

        _entries[key] = new Entry(value, now);
    }

    private sealed record Entry(TValue Value, DateTimeOffset StoredAt);
}
