namespace CallGateway.Permissions;

/// <summary>An action Meta rates: <c>start_call</c> or <c>send_call_permission_request</c>.</summary>
public sealed record PermissionActionResponse(string? ActionName, bool? CanPerformAction, IReadOnlyList<PermissionLimitResponse> Limits);
