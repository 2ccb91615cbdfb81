namespace CallGateway.Calls.Model;

/// <summary>One entry of a call's history: what happened, when, and the status it led to.</summary>
/// <param name="Sequence">1-based position in the call's history.</param>
/// <param name="Trigger">The event that caused it, e.g. "ConnectReceived" or "SignalingFailed(accept)".</param>
/// <param name="Detail">Optional human-readable detail (an error, the Meta status); never SDP or secrets.</param>
public sealed record CallTransition(
    int Sequence,
    DateTimeOffset At,
    CallStatus From,
    CallStatus To,
    string Trigger,
    string? Detail);
