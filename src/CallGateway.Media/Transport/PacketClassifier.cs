namespace CallGateway.Media.Transport;

/// <summary>
/// RFC 7983 §7 demultiplexing of STUN, DTLS and SRTP/SRTCP sharing one UDP 5-tuple, by the first byte:
/// <code>
///   [0..3]     STUN           [20..63]  DTLS
///   [16..19]   ZRTP (unused)  [64..79]  TURN channel (unused)
///   [128..191] RTP/RTCP: with rtcp-mux (RFC 5761 §4) RTCP has payload type 192..223 in the second byte
/// </code>
/// </summary>
public static class PacketClassifier
{
    public static PacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return PacketKind.Unknown;
        }

        var first = datagram[0];
        return first switch
        {
            <= 3 => PacketKind.Stun,
            >= 20 and <= 63 => PacketKind.Dtls,
            >= 128 and <= 191 when datagram.Length >= 2 => datagram[1] is >= 192 and <= 223 ? PacketKind.Rtcp : PacketKind.Rtp,
            _ => PacketKind.Unknown,
        };
    }
}
