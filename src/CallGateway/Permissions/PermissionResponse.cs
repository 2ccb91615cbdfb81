using CallGateway.Persistence.Entities;
using CallGateway.Settings;

namespace CallGateway.Permissions;

/// <summary>A user's call permission: Meta's current answer (possibly cached briefly) and what the gateway has stored.</summary>
/// <param name="Status">Meta's status (no_permission, temporary, permanent), or expired once a temporary permission has ended.</param>
/// <param name="ExpiresAt">When a temporary permission ends.</param>
/// <param name="CanStartCall">Meta's start_call can_perform_action: may the business call now, all limits considered.</param>
/// <param name="CanSendPermissionRequest">Meta's send_call_permission_request can_perform_action.</param>
/// <param name="Actions">Meta's actions with their limits.</param>
/// <param name="FetchedAt">When Meta was asked.</param>
/// <param name="Cached">True when the answer came from the gateway's short cache (Permissions:CacheSeconds).</param>
/// <param name="Stored">The row in call_permissions: the user's last reply, or Meta's last answer.</param>
public sealed record PermissionResponse(
    string WaId,
    string? Status,
    DateTimeOffset? ExpiresAt,
    bool? CanStartCall,
    bool? CanSendPermissionRequest,
    IReadOnlyList<PermissionActionResponse> Actions,
    DateTimeOffset FetchedAt,
    bool Cached,
    StoredPermissionResponse? Stored)
{
    public static PermissionResponse From(CacheResult<CallPermissionSnapshot> fetched, CallPermissionRecord? stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        var p = fetched.Value;
        return new PermissionResponse(
            p.WaId,
            PermissionStatuses.Effective(p.Status, p.ExpiresAt, now),
            p.ExpiresAt,
            p.Action(CallPermissionSnapshot.StartCall)?.CanPerformAction,
            p.Action(CallPermissionSnapshot.SendCallPermissionRequest)?.CanPerformAction,
            p.Actions.Select(a => new PermissionActionResponse(a.ActionName, a.CanPerformAction,
                (a.Limits ?? []).Select(l => new PermissionLimitResponse(l.TimePeriod, l.MaxAllowed, l.CurrentUsage,
                    l.LimitExpirationTime is long end and > 0 ? DateTimeOffset.FromUnixTimeSeconds(end) : null)).ToList())).ToList(),
            fetched.At,
            fetched.Cached,
            stored is null ? null : StoredPermissionResponse.From(stored));
    }
}
