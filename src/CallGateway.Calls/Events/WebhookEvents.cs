namespace CallGateway.Calls.Events;

// Events that come from Meta's webhooks (through the durable inbox).

/// <summary>Connect webhook: an inbound call's SDP offer, or an outbound call's SDP answer.</summary>
public sealed record ConnectReceived(
    string MetaCallId,
    string? From,
    string? To,
    bool UserInitiated,
    string SdpType,
    string Sdp,
    DateTimeOffset Timestamp,
    string? BizOpaqueCallbackData) : CallEvent;

/// <summary>Terminate webhook, with the details Meta gives only for answered calls.</summary>
public sealed record TerminateReceived(
    string MetaCallId,
    string? MetaStatus,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    long? DurationSeconds,
    int? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset Timestamp) : CallEvent;

/// <summary>RINGING, ACCEPTED or REJECTED of an outbound call.</summary>
public sealed record StatusReceived(string MetaCallId, Model.OutboundCallStatus Status, DateTimeOffset Timestamp) : CallEvent
{
    public override string Name => $"StatusReceived({Status})";
}
