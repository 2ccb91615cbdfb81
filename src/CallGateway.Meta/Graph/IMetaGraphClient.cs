using System.Text.Json;

namespace CallGateway.Meta.Graph;

/// <summary>
/// Typed access to the Graph API endpoints the gateway uses. Every method throws <see cref="MetaGraphException"/>
/// with Meta's code and message when Meta refuses the request.
/// </summary>
public interface IMetaGraphClient
{
    /// <summary>Places a business-initiated call; returns Meta's call id (wacid). Never retried after an ambiguous failure.</summary>
    Task<string> ConnectAsync(string recipient, string sdpOffer, string? bizOpaqueCallbackData, CancellationToken cancellationToken);

    Task PreAcceptAsync(string callId, string sdpAnswer, CancellationToken cancellationToken);

    Task AcceptAsync(string callId, string sdpAnswer, string? bizOpaqueCallbackData, CancellationToken cancellationToken);

    Task RejectAsync(string callId, CancellationToken cancellationToken);

    Task TerminateAsync(string callId, CancellationToken cancellationToken);

    Task<CallPermissionsResponse> GetCallPermissionsAsync(string userWaId, CancellationToken cancellationToken);

    /// <summary><c>GET /{phone-number-id}/settings</c>; the SIP password is included only when asked for.</summary>
    Task<JsonElement> GetSettingsAsync(bool includeSipCredentials, CancellationToken cancellationToken);

    /// <summary><c>POST /{phone-number-id}/settings</c> with a body such as <c>{"calling":{...}}</c>.</summary>
    Task UpdateSettingsAsync(JsonElement settings, CancellationToken cancellationToken);

    /// <summary><c>POST /{phone-number-id}/messages</c>; returns the message id (wamid).</summary>
    Task<string> SendMessageAsync(JsonElement message, CancellationToken cancellationToken);
}
