using System.Buffers.Binary;

namespace CallGateway.Media.Srtp;

/// <summary>
/// The few header facts SRTP needs, read without depending on the Rtp layer above (which reads headers fully).
/// </summary>
internal static class SrtpPacket
{
    public const int RtpFixedHeaderLength = 12;
    public const int RtcpHeaderLength = 8;

    /// <summary>
    /// Length of the RTP header SRTP leaves in the clear: fixed header, CSRC list and header extension
    /// (RFC 3550 §5.1, §5.3.1; RFC 3711 §3.1 encrypts only the payload). False if not RTP version 2 or truncated.
    /// </summary>
    public static bool TryGetRtpHeaderLength(ReadOnlySpan<byte> packet, out int headerLength)
    {
        headerLength = 0;
        if (packet.Length < RtpFixedHeaderLength || (packet[0] >> 6) != 2)
        {
            return false;
        }

        int length = RtpFixedHeaderLength + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < length + 4)
            {
                return false;
            }

            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]));
        }

        if (length > packet.Length)
        {
            return false;
        }

        headerLength = length;
        return true;
    }

    /// <summary>True if <paramref name="packet"/> starts like an RTCP packet: version 2 and at least the 8-octet header.</summary>
    public static bool IsRtcpHeader(ReadOnlySpan<byte> packet) =>
        packet.Length >= RtcpHeaderLength && (packet[0] >> 6) == 2;

    public static ushort ReadSequence(ReadOnlySpan<byte> rtp) => BinaryPrimitives.ReadUInt16BigEndian(rtp[2..]);

    public static uint ReadRtpSsrc(ReadOnlySpan<byte> rtp) => BinaryPrimitives.ReadUInt32BigEndian(rtp[8..]);

    public static uint ReadRtcpSsrc(ReadOnlySpan<byte> rtcp) => BinaryPrimitives.ReadUInt32BigEndian(rtcp[4..]);
}
