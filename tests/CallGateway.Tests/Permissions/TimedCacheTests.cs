using CallGateway.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CallGateway.Tests.Permissions;

public sealed class TimedCacheTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task GetOrFetch_ReusesUntilTheLifetimeEnds()
    {
        var cache = new TimedCache<string, int>(_clock, TimeSpan.FromSeconds(30));
        var fetches = 0;
        Task<int> Fetch(CancellationToken _) => Task.FromResult(++fetches);

        Assert.False((await cache.GetOrFetchAsync("a", Fetch, default)).Cached);
        _clock.Advance(TimeSpan.FromSeconds(29));
        var cached = await cache.GetOrFetchAsync("a", Fetch, default);
        Assert.True(cached.Cached);
        Assert.Equal(1, cached.Value);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await cache.GetOrFetchAsync("a", Fetch, default)).Value);
    }

    [Fact]
    public async Task Invalidate_DuringAFetch_KeepsTheStaleValueOut()
    {
        var cache = new TimedCache<string, string>(_clock, TimeSpan.FromSeconds(30));
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = cache.GetOrFetchAsync("a", _ => release.Task, default);

        cache.Invalidate("a");
        release.SetResult("stale");

        Assert.Equal("stale", (await slow).Value);
        Assert.False(cache.TryGet("a", out _, out _));
    }

    [Fact]
    public async Task Set_AtCapacity_DropsExpiredEntriesFirst()
    {
        var cache = new TimedCache<int, int>(_clock, TimeSpan.FromSeconds(10), capacity: 2);
        await cache.GetOrFetchAsync(1, _ => Task.FromResult(1), default);
        _clock.Advance(TimeSpan.FromSeconds(11));
        await cache.GetOrFetchAsync(2, _ => Task.FromResult(2), default);
        await cache.GetOrFetchAsync(3, _ => Task.FromResult(3), default);

        Assert.True(cache.TryGet(2, out _, out _));
        Assert.True(cache.TryGet(3, out _, out _));
    }

    [Fact]
    public async Task ZeroLifetime_AlwaysFetches()
    {
        var cache = new TimedCache<string, int>(_clock, TimeSpan.Zero);
        var fetches = 0;
        await cache.GetOrFetchAsync("a", _ => Task.FromResult(++fetches), default);
        await cache.GetOrFetchAsync("a", _ => Task.FromResult(++fetches), default);
        Assert.Equal(2, fetches);
    }
}
