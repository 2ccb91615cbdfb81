using CallGateway.Permissions;
using Microsoft.Extensions.Options;

namespace CallGateway.Tests.Permissions;

/// <summary>The client-side limit on call_permissions look-ups: wait in a bounded line, or be refused.</summary>
public sealed class GraphPermissionRateLimiterTests
{
    [Fact]
    public async Task Acquire_OverTheLimitWithNoRoomToWait_IsRefused()
    {
        using var limiter = Limiter(limit: 2, windowMs: 3_600_000, queue: 0);
        using (await limiter.AcquireAsync(default))
        using (await limiter.AcquireAsync(default))
        {
            var refused = await Assert.ThrowsAsync<PermissionRateLimitedException>(() => limiter.AcquireAsync(default));
            Assert.True(refused.RetryAfter > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Acquire_OverTheLimit_WaitsForTheNextWindow()
    {
        using var limiter = Limiter(limit: 1, windowMs: 1000, queue: 5);
        using var first = await limiter.AcquireAsync(default);

        var second = limiter.AcquireAsync(default);
        var third = limiter.AcquireAsync(default);

        // Bounded wait: the queued permits come with the following windows (about 1 s and 2 s).
        using var secondLease = await second.WaitAsync(TimeSpan.FromSeconds(15));
        using var thirdLease = await third.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(secondLease.IsAcquired && thirdLease.IsAcquired);
    }

    [Fact]
    public async Task Acquire_WaitingRequestCanBeCancelled()
    {
        using var limiter = Limiter(limit: 1, windowMs: 3_600_000, queue: 5);
        using var first = await limiter.AcquireAsync(default);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cancel.Token);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static GraphPermissionRateLimiter Limiter(int limit, int windowMs, int queue) => new(Options.Create(new PermissionsOptions
    {
        GraphRequestLimit = limit,
        GraphRequestWindowMilliseconds = windowMs,
        GraphRequestQueueLimit = queue,
    }));
}
