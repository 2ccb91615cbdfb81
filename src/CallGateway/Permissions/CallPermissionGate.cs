using System.Globalization;
using CallGateway.Meta.Graph;
using CallGateway.Persistence.Entities;

namespace CallGateway.Permissions;

/// <summary>
/// Asked before dialing: may the business call this user now? Refuses when Meta's call_permissions (fresh or cached)
/// says no permission, an expired one, or <c>start_call</c> not allowed. When Meta cannot be asked, the stored state
/// decides; with nothing known the call goes ahead and Meta, the authority, decides.
/// </summary>
public sealed partial class CallPermissionGate(CallPermissionService permissions, CallPermissionStore store, TimeProvider time, ILogger<CallPermissionGate> logger)
{
    /// <summary>Null when the call may be placed; otherwise the reason it may not.</summary>
    public async Task<PermissionRefusal?> CheckAsync(string waId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await permissions.GetAsync(waId, cancellationToken).ConfigureAwait(false);
            return Judge(result.Value, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is MetaGraphException or PermissionRateLimitedException)
        {
            LogUnchecked(logger, WaIds.Mask(waId), ex.Message);
            var stored = await store.GetAsync(waId, cancellationToken).ConfigureAwait(false);
            return stored is null ? null : Judge(stored, time.GetUtcNow());
        }
    }

    public static PermissionRefusal? Judge(CallPermissionSnapshot permission, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(permission);
        var waId = permission.WaId;
        var status = PermissionStatuses.Effective(permission.Status, permission.ExpiresAt, now);
        if (PermissionStatuses.ForbidsCalling(status))
        {
            return new PermissionRefusal(waId, status, PermissionRefusal.NoPermissionCode, $"no call permission from {waId} (status {status})", CallPermissionStore.FromGraph);
        }

        if (permission.Action(CallPermissionSnapshot.StartCall) is not { CanPerformAction: false } startCall)
        {
            return null;
        }

        var limit = startCall.Limits?.FirstOrDefault(l => l.MaxAllowed is { } max && l.CurrentUsage >= max);
        if (limit is null)
        {
            return new PermissionRefusal(waId, status, null, $"Meta does not allow calling {waId} now (start_call not permitted, status {status ?? "unknown"})", CallPermissionStore.FromGraph);
        }

        var until = limit.LimitExpirationTime is long end and > 0
            ? " until " + DateTimeOffset.FromUnixTimeSeconds(end).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "";
        return new PermissionRefusal(waId, status, PermissionRefusal.CallLimitCode,
            $"call limit reached for {waId}: {limit.CurrentUsage} of {limit.MaxAllowed} calls per {limit.TimePeriod}{until} (status {status})", CallPermissionStore.FromGraph);
    }

    public static PermissionRefusal? Judge(CallPermissionRecord stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var status = PermissionStatuses.Effective(stored.Status, stored.ExpiresAt, now);
        return PermissionStatuses.ForbidsCalling(status)
            ? new PermissionRefusal(stored.WaId, status, PermissionRefusal.NoPermissionCode, $"no call permission from {stored.WaId} (status {status}, as last known)", "stored")
            : null;
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Call permission of {WaId} could not be checked with Meta ({Reason}); using the stored state")]
    private static partial void LogUnchecked(ILogger logger, string waId, string reason);
}
