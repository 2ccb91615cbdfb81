using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CallGateway.Permissions;

/// <summary>
/// Keeps this gateway under Meta's 5 call_permissions requests per second: a fixed window of
/// <see cref="PermissionsOptions.GraphRequestLimit"/> permits. A request over the limit waits, oldest first, for the
/// next window; when <see cref="PermissionsOptions.GraphRequestQueueLimit"/> are already waiting it is refused with
/// <see cref="PermissionRateLimitedException"/> (the API's 429) instead of queueing without bound.
/// </summary>
public sealed class GraphPermissionRateLimiter : IDisposable
{
    private readonly FixedWindowRateLimiter _limiter;
    private readonly TimeSpan _window;

    public GraphPermissionRateLimiter(IOptions<PermissionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _window = TimeSpan.FromMilliseconds(o.GraphRequestWindowMilliseconds);
        _limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.GraphRequestLimit,
            Window = _window,
            QueueLimit = o.GraphRequestQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>A permit for one Graph request (waits for the next window when needed); dispose it when done.</summary>
    public async Task<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _window;
        lease.Dispose();
        throw new PermissionRateLimitedException(retryAfter > TimeSpan.Zero ? retryAfter : _window);
    }

    public void Dispose() => _limiter.Dispose();
}
