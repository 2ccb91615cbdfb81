namespace CallGateway.Media.Ice;

/// <summary>Candidate types, RFC 8445 §5.1.1 (SDP "typ" values per RFC 8839 §5.1).</summary>
public enum IceCandidateType
{
    /// <summary>"host": an address on a local interface (type preference 126).</summary>
    Host,

    /// <summary>"srflx": learned from a STUN server (type preference 100).</summary>
    ServerReflexive,

    /// <summary>"prflx": learned from a connectivity check (type preference 110).</summary>
    PeerReflexive,

    /// <summary>"relay": allocated on a TURN server (type preference 0).</summary>
    Relay,
}
