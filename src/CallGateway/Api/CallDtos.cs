using CallGateway.Calls.Model;
using CallGateway.Media;

namespace CallGateway.Api;

/// <summary>A call as the REST API shows it.</summary>
public sealed record CallResponse(
    string Id,
    string? MetaCallId,
    CallDirection Direction,
    CallStatus Status,
    string? Peer,
    string? BusinessNumber,
    string? BizOpaqueCallbackData,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RingingAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    long? DurationSeconds,
    CallEndReason? EndReason,
    CallErrorResponse? LastError,
    MediaStats? Media,
    IReadOnlyList<CallTransitionResponse>? History)
{
    /// <summary>Every request made to Meta for this call (each retry included), in order.</summary>
    public IReadOnlyList<GraphAttemptResponse>? GraphAttempts { get; init; }

    public static CallResponse From(CallState s, IReadOnlyList<CallTransition>? history = null, MediaStats? media = null) => new(
        s.Id, s.MetaCallId, s.Direction, s.Status, s.Peer, s.BusinessNumber, s.BizOpaqueCallbackData, s.CreatedAt, s.RingingAt,
        s.AcceptedAt, s.ConnectedAt, s.EndedAt, s.DurationSeconds, s.EndReason,
        s.LastError is null && s.LastErrorCode is null ? null : new CallErrorResponse(s.LastErrorCode, s.LastError),
        media,
        history?.Select(t => new CallTransitionResponse(t.Sequence, t.At, t.From, t.To, t.Trigger, t.Detail)).ToList());
}

/// <summary>The last error: Meta's code (when Meta reported one) and a message.</summary>
public sealed record CallErrorResponse(int? Code, string? Message);

/// <summary>One try of a Graph request: which action, which attempt, Meta's HTTP status or the transport error.</summary>
public sealed record GraphAttemptResponse(DateTimeOffset At, string Operation, int Attempt, int? Status, string? Error, int DurationMs);

public sealed record CallTransitionResponse(int Sequence, DateTimeOffset At, CallStatus From, CallStatus To, string Trigger, string? Detail);

/// <summary>A page of calls, newest first.</summary>
public sealed record CallListResponse(IReadOnlyList<CallResponse> Items);
