namespace CallGateway.Meta.Webhooks;

// Wire shapes of Meta's webhook envelope for the "calls" and "messages" fields, as documented in the Calling API
// reference. Everything is nullable: Meta adds fields over time and a payload we do not fully understand must still
// be accepted (and logged), never rejected, or Meta retries it for up to 7 days.

/// <summary><c>{"object":"whatsapp_business_account","entry":[...]}</c></summary>
public sealed record WebhookPayload([property: System.Text.Json.Serialization.JsonPropertyName("object")] string? ObjectType, IReadOnlyList<WebhookEntry>? Entry);

/// <summary>One WhatsApp Business Account's batch of changes.</summary>
public sealed record WebhookEntry(string? Id, IReadOnlyList<WebhookChange>? Changes);

/// <summary>One change; <see cref="Field"/> is <c>calls</c> or <c>messages</c> for what we handle.</summary>
public sealed record WebhookChange(string? Field, WebhookValue? Value);

public sealed record WebhookValue(
    string? MessagingProduct,
    WebhookMetadata? Metadata,
    IReadOnlyList<WebhookContact>? Contacts,
    IReadOnlyList<WebhookCall>? Calls,
    IReadOnlyList<WebhookStatus>? Statuses,
    IReadOnlyList<WebhookMessage>? Messages,
    IReadOnlyList<GraphErrorDetail>? Errors);

public sealed record WebhookMetadata(string? DisplayPhoneNumber, string? PhoneNumberId);

public sealed record WebhookContact(string? WaId, WebhookProfile? Profile);

public sealed record WebhookProfile(string? Name);

/// <summary>An entry of <c>calls[]</c>: a connect or terminate event.</summary>
public sealed record WebhookCall(
    string? Id,
    string? To,
    string? From,
    string? Event,
    long? Timestamp,
    string? Direction,
    WebhookSession? Session,
    WebhookConnection? Connection,
    string? BizOpaqueCallbackData,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(StringOrFirstOfArrayConverter))] string? Status,
    long? StartTime,
    long? EndTime,
    long? Duration,
    IReadOnlyList<GraphErrorDetail>? Errors);

/// <summary><c>{"sdp_type":"offer|answer","sdp":"v=0..."}</c></summary>
public sealed record WebhookSession(string? SdpType, string? Sdp);

/// <summary>Legacy form: <c>{"webrtc":{"sdp":"{\"sdp\":\"...\",\"type\":\"offer\"}"}}</c> (JSON inside a string).</summary>
public sealed record WebhookConnection(WebhookWebRtc? Webrtc);

public sealed record WebhookWebRtc(string? Sdp);

/// <summary>The JSON object inside the legacy <c>connection.webrtc.sdp</c> string.</summary>
public sealed record LegacySessionDescription(string? Sdp, string? Type);

/// <summary>An entry of <c>statuses[]</c> for calls: RINGING, ACCEPTED or REJECTED of a business-initiated call.</summary>
public sealed record WebhookStatus(
    string? Id,
    long? Timestamp,
    string? Type,
    string? Status,
    string? RecipientId,
    string? BizOpaqueCallbackData,
    IReadOnlyList<GraphErrorDetail>? Errors);

/// <summary>An entry of <c>messages[]</c>; only <c>interactive.type = call_permission_reply</c> concerns us.</summary>
public sealed record WebhookMessage(
    string? From,
    string? Id,
    long? Timestamp,
    string? Type,
    WebhookMessageContext? Context,
    WebhookInteractive? Interactive);

public sealed record WebhookMessageContext(string? From, string? Id);

public sealed record WebhookInteractive(string? Type, WebhookCallPermissionReply? CallPermissionReply);

public sealed record WebhookCallPermissionReply(
    string? Response,
    bool? IsPermanent,
    long? ExpirationTimestamp,
    string? ResponseSource);

/// <summary>Meta's error object, used both in webhooks and in Graph API error responses.</summary>
public sealed record GraphErrorDetail(
    int? Code,
    string? Title,
    string? Message,
    string? Href,
    GraphErrorData? ErrorData);

public sealed record GraphErrorData(string? Details);
