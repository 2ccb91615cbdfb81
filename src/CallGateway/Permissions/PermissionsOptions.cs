namespace CallGateway.Permissions;

/// <summary>
/// Bound from the <c>Permissions</c> section:
/// <code>
/// "Permissions": { "CacheSeconds": 30, "GraphRequestLimit": 5, "GraphRequestWindowMilliseconds": 1000,
///                  "GraphRequestQueueLimit": 20, "DefaultRequestText": "..." }
/// </code>
/// </summary>
public sealed class PermissionsOptions
{
    public const string SectionName = "Permissions";

    /// <summary>Meta's limit on <c>GET /call_permissions</c>: 5 requests in a 1-second window (calling-api-reference.txt).</summary>
    public const int MetaRequestsPerSecond = 5;

    /// <summary>How long a permission fetched from Meta is reused (0: always ask Meta).</summary>
    public int CacheSeconds { get; set; } = 30;

    /// <summary>At most this many call_permissions requests per window go to Meta.</summary>
    public int GraphRequestLimit { get; set; } = MetaRequestsPerSecond;

    /// <summary>The rate limit's window. Only make it longer (stricter) than Meta's 1 second.</summary>
    public int GraphRequestWindowMilliseconds { get; set; } = 1000;

    /// <summary>Requests over the limit wait for the next window, at most this many; beyond that the API answers 429.</summary>
    public int GraphRequestQueueLimit { get; set; } = 20;

    /// <summary>Body text of the permission request message when the request gives none (Meta: up to 1024 characters).</summary>
    public string DefaultRequestText { get; set; } = "We would like to call you on WhatsApp about your request. May we call you?";
}
