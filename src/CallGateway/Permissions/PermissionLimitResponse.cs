namespace CallGateway.Permissions;

/// <summary>One limit of an action, e.g. 1 permission request per PT24H.</summary>
/// <param name="TimePeriod">ISO 8601 duration, e.g. PT24H or P7D.</param>
/// <param name="LimitExpiresAt">When the used-up limit frees again (only when the limit is reached).</param>
public sealed record PermissionLimitResponse(string? TimePeriod, int? MaxAllowed, int? CurrentUsage, DateTimeOffset? LimitExpiresAt);
