namespace CallGateway.Permissions;

/// <summary>Meta's call_permissions rate limit is used up and the waiting line is full: try again after <see cref="RetryAfter"/>.</summary>
public sealed class PermissionRateLimitedException : Exception
{
    public PermissionRateLimitedException(TimeSpan retryAfter)
        : base($"Meta's call_permissions rate limit is used up; retry in {retryAfter.TotalSeconds:0.#} s.") => RetryAfter = retryAfter;

    public PermissionRateLimitedException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public PermissionRateLimitedException(string message)
        : base(message) => RetryAfter = TimeSpan.FromSeconds(1);

    public PermissionRateLimitedException(string message, Exception innerException)
        : base(message, innerException) => RetryAfter = TimeSpan.FromSeconds(1);

    public TimeSpan RetryAfter { get; }
}
