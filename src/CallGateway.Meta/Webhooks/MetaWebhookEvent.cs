using System.Text.Json.Serialization;

namespace CallGateway.Meta.Webhooks;

/// <summary>
/// One event extracted from a webhook payload, normalised and self-contained so it can be stored in the inbox
/// and replayed later. <see cref="DedupeKey"/> is identical for every redelivery of the same event.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CallConnectNotification), "connect")]
[JsonDerivedType(typeof(CallTerminateNotification), "terminate")]
[JsonDerivedType(typeof(CallStatusNotification), "status")]
[JsonDerivedType(typeof(CallPermissionReplyNotification), "call_permission_reply")]
public abstract record MetaWebhookEvent
{
    /// <summary>Stable key: the same event redelivered by Meta maps to the same key.</summary>
    public abstract string DedupeKey { get; }

    /// <summary>The WhatsApp call id (wacid) this event belongs to, when it belongs to a call.</summary>
    public abstract string? MetaCallId { get; }

    /// <summary>Unix seconds from the payload (1-second resolution; not an ordering key).</summary>
    public long Timestamp { get; init; }

    /// <summary>The business phone number id from <c>metadata</c>.</summary>
    public string? PhoneNumberId { get; init; }
}

/// <summary>Connect: an inbound call's SDP offer, or the SDP answer of a business-initiated call.</summary>
public sealed record CallConnectNotification(
    string CallId,
    string? From,
    string? To,
    string? Direction,
    string SdpType,
    string Sdp,
    string? BizOpaqueCallbackData) : MetaWebhookEvent
{
    public override string DedupeKey => $"call:{CallId}:connect";
    public override string? MetaCallId => CallId;
    public bool IsUserInitiated => string.Equals(Direction, "USER_INITIATED", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Terminate: the call ended (hang-up, reject, not answered, failure).</summary>
public sealed record CallTerminateNotification(
    string CallId,
    string? From,
    string? To,
    string? Direction,
    string? Status,
    long? StartTime,
    long? EndTime,
    long? Duration,
    string? BizOpaqueCallbackData,
    IReadOnlyList<GraphErrorDetail> Errors) : MetaWebhookEvent
{
    public override string DedupeKey => $"call:{CallId}:terminate";
    public override string? MetaCallId => CallId;
}

/// <summary>Status of a business-initiated call: RINGING, ACCEPTED or REJECTED.</summary>
public sealed record CallStatusNotification(
    string CallId,
    string Status,
    string? RecipientId,
    string? BizOpaqueCallbackData,
    IReadOnlyList<GraphErrorDetail> Errors) : MetaWebhookEvent
{
    public override string DedupeKey => $"call:{CallId}:status:{Status.ToUpperInvariant()}";
    public override string? MetaCallId => CallId;
}

/// <summary>A WhatsApp user's answer to a call permission request (messages field, interactive reply).</summary>
public sealed record CallPermissionReplyNotification(
    string MessageId,
    string From,
    string? ContextId,
    string Response,
    bool IsPermanent,
    long? ExpirationTimestamp,
    string? ResponseSource) : MetaWebhookEvent
{
    public override string DedupeKey => $"message:{MessageId}";
    public override string? MetaCallId => null;
}
