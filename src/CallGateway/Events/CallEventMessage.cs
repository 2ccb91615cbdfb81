using System.Text.Json.Serialization;

namespace CallGateway.Events;

/// <summary>
/// An event for internal systems: <c>call.ringing</c>, <c>call.accepted</c>, <c>call.connected</c>,
/// <c>call.dtmf</c>, <c>call.terminated</c>, <c>recording.ready</c>. The same JSON goes to the SSE stream and to
/// outgoing webhooks. <see cref="Sequence"/> increases by one per event, gateway-wide.
/// </summary>
public sealed record CallEventMessage(
    string Id,
    long Sequence,
    string Type,
    DateTimeOffset Timestamp,
    CallEventData Data);

/// <summary>The call the event is about, plus type-specific fields (null when not relevant).</summary>
public sealed record CallEventData(
    string CallId,
    string? MetaCallId,
    string Direction,
    string Status,
    string? Peer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? DurationSeconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Digit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DtmfDurationMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordingUrl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RecordingSeconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BizOpaqueCallbackData = null);
