using CallGateway.Persistence.Entities;

namespace CallGateway.Permissions;

/// <summary>The stored permission of a user (table call_permissions).</summary>
/// <param name="Origin">call_permission_reply (the user's reply webhook) or call_permissions (Meta's API).</param>
/// <param name="Response">The user's last reply: accept or reject.</param>
/// <param name="ResponseSource">user_action, or automatic (the user called the business).</param>
/// <param name="ContextId">What the reply answered: the request message's id, or a missed call's id.</param>
public sealed record StoredPermissionResponse(
    string Status,
    DateTimeOffset? ExpiresAt,
    string Origin,
    string? Response,
    string? ResponseSource,
    string? ContextId,
    string? ReplyMessageId,
    DateTimeOffset? RepliedAt,
    DateTimeOffset UpdatedAt)
{
    public static StoredPermissionResponse From(CallPermissionRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Status, r.ExpiresAt, r.Origin, r.Response, r.ResponseSource, r.ContextId, r.ReplyMessageId, r.RepliedAt, r.UpdatedAt);
    }
}
