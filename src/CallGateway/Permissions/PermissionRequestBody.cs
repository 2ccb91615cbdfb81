namespace CallGateway.Permissions;

/// <summary>Ask a user for permission to call them. Send <c>{}</c> to use the configured text (Permissions:DefaultRequestText).</summary>
/// <param name="BodyText">The message's text, up to 1024 characters (no header or footer: Meta allows none).</param>
public sealed record PermissionRequestBody(string? BodyText);
