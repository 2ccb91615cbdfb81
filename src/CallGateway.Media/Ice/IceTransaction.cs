using CallGateway.Media.Stun;

namespace CallGateway.Media.Ice;

/// <summary>
/// An outstanding STUN Binding request with its retransmission state (RFC 8489 §6.2.1: same bytes, RTO doubling).
/// Mutated only under the agent's lock.
/// </summary>
internal sealed class IceTransaction(
    StunTransactionId id, IceCandidatePair pair, IceTransactionKind kind, IceRole role, byte[] request, TimeSpan rto)
{
    public StunTransactionId Id { get; } = id;

    public IceCandidatePair Pair { get; } = pair;

    public IceTransactionKind Kind { get; } = kind;

    /// <summary>The role the request claimed; a 487 only switches the role if it is still this (§7.2.5.1).</summary>
    public IceRole Role { get; } = role;

    /// <summary>The exact request bytes, resent unchanged on retransmission.</summary>
    public byte[] Request { get; } = request;

    public int Transmissions { get; set; } = 1;

    public TimeSpan Rto { get; set; } = rto;

    public TimeSpan NextActionAt { get; set; }

    /// <summary>
    /// Cancelled per RFC 8445 §7.3.1.4: no more retransmissions and no failure on timeout, but a late response is
    /// still processed.
    /// </summary>
    public bool Cancelled { get; set; }
}
