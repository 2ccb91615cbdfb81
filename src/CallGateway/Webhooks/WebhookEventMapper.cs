using CallGateway.Calls;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Meta.Webhooks;

namespace CallGateway.Webhooks;

/// <summary>Translates Meta's webhook events into call events, and says when an unknown wacid may start a call.</summary>
internal static class WebhookEventMapper
{
    /// <summary>A call event plus the factory for a call record when the wacid is not known yet (null: wait).</summary>
    public sealed record Mapped(CallEvent Event, Func<DateTimeOffset, CallState>? CreateCall);

    /// <param name="orphanAllowed">True once we have waited long enough for a business-initiated call to appear.</param>
    /// <param name="receivedAt">When the webhook reached us: a call its event creates starts then (the setup latency counts from it).</param>
    public static Mapped? Map(MetaWebhookEvent notification, bool orphanAllowed, DateTimeOffset receivedAt) => notification switch
    {
        CallConnectNotification c => new Mapped(
            new ConnectReceived(c.CallId, c.From, c.To, c.IsUserInitiated, c.SdpType, c.Sdp, FromUnix(c.Timestamp), c.BizOpaqueCallbackData),
            c.IsUserInitiated ? now => NewCall(c.CallId, CallDirection.Inbound, c.From, c.To, receivedAt, now) : null),
        CallTerminateNotification t => new Mapped(
            new TerminateReceived(t.CallId, t.Status, FromUnixOrNull(t.StartTime), FromUnixOrNull(t.EndTime), t.Duration,
                t.Errors.Count > 0 ? t.Errors[0].Code : null, t.Errors.Count > 0 ? t.Errors[0].Message ?? t.Errors[0].Title : null, FromUnix(t.Timestamp)),
            IsUserInitiated(t.Direction) || orphanAllowed
                ? now => NewCall(t.CallId, IsUserInitiated(t.Direction) ? CallDirection.Inbound : CallDirection.Outbound,
                    IsUserInitiated(t.Direction) ? t.From : t.To, IsUserInitiated(t.Direction) ? t.To : t.From, receivedAt, now)
                : null),
        CallStatusNotification s when ParseStatus(s.Status) is { } status => new Mapped(
            new StatusReceived(s.CallId, status, FromUnix(s.Timestamp)), null),
        _ => null,
    };

    private static CallState NewCall(string metaCallId, CallDirection direction, string? peer, string? business, DateTimeOffset receivedAt, DateTimeOffset now) =>
        new()
        {
            Id = CallIds.New(), Direction = direction, MetaCallId = metaCallId, Peer = peer, BusinessNumber = business,
            CreatedAt = receivedAt < now ? receivedAt : now, UpdatedAt = now,
        };

    private static bool IsUserInitiated(string? direction) => string.Equals(direction, "USER_INITIATED", StringComparison.OrdinalIgnoreCase);

    private static OutboundCallStatus? ParseStatus(string status) => status.ToUpperInvariant() switch
    {
        "RINGING" => OutboundCallStatus.Ringing,
        "ACCEPTED" => OutboundCallStatus.Accepted,
        "REJECTED" => OutboundCallStatus.Rejected,
        _ => null,
    };

    private static DateTimeOffset FromUnix(long seconds) =>
        seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;

    private static DateTimeOffset? FromUnixOrNull(long? seconds) =>
        seconds is > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
}
