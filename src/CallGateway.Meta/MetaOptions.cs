namespace CallGateway.Meta;

/// <summary>
/// Settings for talking to Meta: the Graph API and the webhook secrets.
/// Bound from the <c>Meta</c> section; environment variables use <c>Meta__AccessToken</c> and so on.
/// </summary>
/// <remarks>
/// Expected shape:
/// <code>
/// "Meta": { "GraphApiBaseUrl": "https://graph.facebook.com", "ApiVersion": "v23.0",
///           "AccessToken": "...", "AppSecret": "...", "VerifyToken": "...", "PhoneNumberId": "..." }
/// </code>
/// </remarks>
public sealed class MetaOptions
{
    public const string SectionName = "Meta";

    /// <summary>Graph API root, without the version segment.</summary>
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>Graph API version segment, e.g. <c>v23.0</c>.</summary>
    public string ApiVersion { get; set; } = "v23.0";

    /// <summary>System-user access token sent as a bearer token. Secret: never logged.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>App secret that keys the webhook's X-Hub-Signature-256 HMAC. Secret: never logged.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Token Meta echoes in the webhook verify handshake. Secret: never logged.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>The business phone number id calls are placed from and received on.</summary>
    public string PhoneNumberId { get; set; } = "";

    /// <summary>The versioned Graph root every request is relative to, e.g. <c>https://graph.facebook.com/v23.0/</c>.</summary>
    public Uri VersionedBaseUri => new($"{GraphApiBaseUrl.TrimEnd('/')}/{ApiVersion.Trim('/')}/", UriKind.Absolute);
}
