namespace CallGateway.Calls.Model;

/// <summary>
/// Everything known about one call. Immutable: the state machine returns a new instance for every change, and
/// the actor persists it. This is the state a per-call grain would hold.
/// </summary>
public sealed record CallState
{
    /// <summary>Our id, used by the REST API.</summary>
    public required string Id { get; init; }

    public required CallDirection Direction { get; init; }

    public CallStatus Status { get; init; } = CallStatus.New;

    /// <summary>Meta's call id (wacid); for an outbound call known once connect succeeded.</summary>
    public string? MetaCallId { get; init; }

    /// <summary>The WhatsApp user's number (caller for inbound, callee for outbound).</summary>
    public string? Peer { get; init; }

    /// <summary>The business number as Meta reported it.</summary>
    public string? BusinessNumber { get; init; }

    public string? BizOpaqueCallbackData { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? RingingAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? ConnectedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Talk time in seconds as Meta reported it, or as measured from accept to end.</summary>
    public long? DurationSeconds { get; init; }

    public CallEndReason? EndReason { get; init; }

    /// <summary>Meta's terminate status (COMPLETED or FAILED) when a terminate webhook arrived.</summary>
    public string? MetaTerminateStatus { get; init; }

    public string? LastError { get; init; }
    public int? LastErrorCode { get; init; }

    /// <summary>Our SDP (answer or offer). Meta requires accept to carry the same SDP as pre_accept.</summary>
    public string? LocalSdp { get; init; }

    /// <summary>The remote SDP (offer for inbound, answer for outbound).</summary>
    public string? RemoteSdp { get; init; }

    /// <summary>ICE and DTLS are up (may happen before the call is accepted).</summary>
    public bool MediaConnected { get; init; }

    /// <summary>Outbound: the SDP answer from the connect webhook has been applied.</summary>
    public bool RemoteAnswerApplied { get; init; }

    /// <summary>Number of history entries so far (the next transition gets Sequence = this + 1).</summary>
    public int TransitionCount { get; init; }

    public bool IsTerminal => Status == CallStatus.Terminated;
}
