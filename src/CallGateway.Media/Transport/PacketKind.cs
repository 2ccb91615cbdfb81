namespace CallGateway.Media.Transport;

/// <summary>What a datagram on the shared media socket is (RFC 7983 §7).</summary>
public enum PacketKind
{
    Unknown,
    Stun,
    Dtls,
    Rtp,
    Rtcp,
}
