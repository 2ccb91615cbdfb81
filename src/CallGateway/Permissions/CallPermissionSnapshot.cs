using CallGateway.Meta.Graph;

namespace CallGateway.Permissions;

/// <summary>A user's call permission as Meta's <c>GET /call_permissions</c> reported it.</summary>
public sealed record CallPermissionSnapshot(string WaId, string? Status, DateTimeOffset? ExpiresAt, IReadOnlyList<CallPermissionAction> Actions)
{
    public const string StartCall = "start_call";
    public const string SendCallPermissionRequest = "send_call_permission_request";

    public static CallPermissionSnapshot From(string waId, CallPermissionsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var expires = response.Permission?.ExpirationTime is long seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        return new CallPermissionSnapshot(waId, response.Permission?.Status, expires, response.Actions ?? []);
    }

    public CallPermissionAction? Action(string name) => Actions.FirstOrDefault(a => a.ActionName == name);
}
