namespace CallGateway.Permissions;

/// <summary>The request message was sent; the user's answer arrives later as a call_permission_reply webhook.</summary>
/// <param name="MessageId">Meta's message id (wamid); the reply's context id points at it.</param>
public sealed record PermissionRequestResponse(string WaId, string MessageId, string BodyText);
