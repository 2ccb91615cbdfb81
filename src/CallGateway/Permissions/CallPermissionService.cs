using System.Data.Common;
using CallGateway.Meta.Graph;
using CallGateway.Settings;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Permissions;

/// <summary>
/// Users' call permissions from Meta's <c>GET /call_permissions</c>: reused for <see cref="PermissionsOptions.CacheSeconds"/>,
/// fetched under <see cref="GraphPermissionRateLimiter"/>, and recorded in <see cref="CallPermissionStore"/>.
/// </summary>
public sealed partial class CallPermissionService(
    IMetaGraphClient graph,
    GraphPermissionRateLimiter limiter,
    TimedCache<string, CallPermissionSnapshot> cache,
    CallPermissionStore store,
    ILogger<CallPermissionService> logger)
{
    /// <exception cref="MetaGraphException">Meta refused or could not be reached.</exception>
    /// <exception cref="PermissionRateLimitedException">Too many look-ups are already waiting for the rate limit.</exception>
    public Task<CacheResult<CallPermissionSnapshot>> GetAsync(string waId, CancellationToken cancellationToken) =>
        cache.GetOrFetchAsync(waId, ct => FetchAsync(waId, ct), cancellationToken);

    /// <summary>Forget the cached state, e.g. after a reply webhook or a permission request.</summary>
    public void Invalidate(string waId) => cache.Invalidate(waId);

    private async Task<CallPermissionSnapshot> FetchAsync(string waId, CancellationToken cancellationToken)
    {
        CallPermissionsResponse response;
        using (await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            response = await graph.GetCallPermissionsAsync(waId, cancellationToken).ConfigureAwait(false);
        }

        var snapshot = CallPermissionSnapshot.From(waId, response);
        if (snapshot.Status is not null)
        {
            try
            {
                await store.RecordFetchedAsync(snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException)
            {
                // Meta's answer is what matters here; the stored copy is a fallback for when Meta cannot be asked.
                LogNotRecorded(logger, ex);
            }
        }

        var masked = WaIds.Mask(waId);
        LogFetched(logger, masked, snapshot.Status ?? "(none)");
        return snapshot;
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "A call permission from Meta could not be stored")]
    private static partial void LogNotRecorded(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Call permission of {WaId} from Meta: {Status}")]
    private static partial void LogFetched(ILogger logger, string waId, string status);
}
