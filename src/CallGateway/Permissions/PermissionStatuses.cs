namespace CallGateway.Permissions;

/// <summary>Meta's permission statuses (<c>permission.status</c>), plus <see cref="Expired"/> for a temporary one past its end.</summary>
public static class PermissionStatuses
{
    public const string NoPermission = "no_permission";
    public const string Temporary = "temporary";
    public const string Permanent = "permanent";
    public const string Expired = "expired";

    /// <summary>The status as of <paramref name="now"/>: a temporary permission whose expiry has passed is expired.</summary>
    public static string? Effective(string? status, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        status == Temporary && expiresAt is { } end && end <= now ? Expired : status;

    public static bool ForbidsCalling(string? effectiveStatus) => effectiveStatus is NoPermission or Expired;
}
