namespace CallGateway.Security;

/// <summary>Request limits. Bound from the <c>RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sustained requests per second per API client on <c>/api</c>.</summary>
    public int ApiRequestsPerSecond { get; set; } = 100;

    /// <summary>Burst allowance per API client.</summary>
    public int ApiBurst { get; set; } = 200;

    /// <summary>Webhook verify handshakes per minute per source address (Meta needs one; guessing the token needs many).</summary>
    public int VerifyPerMinute { get; set; } = 10;
}
