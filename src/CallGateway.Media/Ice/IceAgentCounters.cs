namespace CallGateway.Media.Ice;

/// <summary>A snapshot of an agent's STUN counters (for metrics and tests).</summary>
public readonly record struct IceAgentCounters
{
    /// <summary>New connectivity-check transactions sent (ordinary, triggered and nomination).</summary>
    public long ChecksSent { get; init; }

    /// <summary>Consent-freshness requests sent (RFC 7675), new transactions only.</summary>
    public long ConsentRequestsSent { get; init; }

    /// <summary>Retransmissions of any request.</summary>
    public long Retransmissions { get; init; }

    /// <summary>Authenticated Binding requests received.</summary>
    public long ChecksReceived { get; init; }

    /// <summary>Success responses sent.</summary>
    public long SuccessResponsesSent { get; init; }

    /// <summary>Error responses sent (400, 401, 420, 487).</summary>
    public long ErrorResponsesSent { get; init; }

    /// <summary>Authenticated success responses received for our transactions.</summary>
    public long SuccessResponsesReceived { get; init; }

    /// <summary>Authenticated error responses received for our transactions.</summary>
    public long ErrorResponsesReceived { get; init; }

    /// <summary>Packets dropped because the source address is refused by the <see cref="RemoteAddressPolicy"/>.</summary>
    public long DroppedRefusedSource { get; init; }

    /// <summary>Packets dropped for failing integrity, fingerprint, username or transaction matching, or framing.</summary>
    public long DroppedInvalid { get; init; }
}
