namespace CallGateway.Media.Rtcp;

/// <summary>
/// Telling RTCP from RTP when both share one transport (rtcp-mux, RFC 5761 §4): RTCP packet types 192..223 occupy
/// the second octet, which RTP payload types used with rtcp-mux (0..63, 96..127) plus the marker bit never produce.
/// </summary>
public static class RtcpMux
{
    /// <summary>
    /// True if <paramref name="packet"/> is RTCP: first octet 128..191 (version 2, RFC 7983 RTP/RTCP range) and
    /// second octet 192..223. Callers have already routed STUN/DTLS away by the first octet (RFC 7983).
    /// </summary>
    public static bool IsRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length >= 2 && packet[0] is >= 128 and <= 191 && packet[1] is >= 192 and <= 223;
}
