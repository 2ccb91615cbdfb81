namespace CallGateway.Media.Rtp;

/// <summary>
/// A parsed RTP packet (RFC 3550 §5.1): header view, payload and padding length, all spans into the packet.
/// </summary>
public readonly ref struct RtpPacket
{
    private RtpPacket(RtpHeader header, ReadOnlySpan<byte> payload, int paddingLength)
    {
        Header = header;
        Payload = payload;
        PaddingLength = paddingLength;
    }

    public RtpHeader Header { get; }

    /// <summary>The payload between the header and any padding.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Padding octets at the end of the packet (0 if P is clear).</summary>
    public int PaddingLength { get; }

    /// <summary>Parses an RTP packet; see <see cref="RtpHeader.TryParse"/> for the checks. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpPacket rtp)
    {
        rtp = default;
        if (!RtpHeader.TryParse(packet, out RtpHeader header, out int headerLength))
        {
            return false;
        }

        int padding = header.Padding ? packet[^1] : 0;
        rtp = new RtpPacket(header, packet[headerLength..^padding], padding);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="header"/> followed by <paramref name="payload"/> (no padding: the P bit must be clear,
    /// SRTP needs none). False if it does not fit or the header is invalid.
    /// </summary>
    public static bool TryWrite(Span<byte> destination, RtpHeader header, ReadOnlySpan<byte> payload, out int written)
    {
        written = 0;
        if (header.Padding || !header.TryWrite(destination, out int headerLength)
            || destination.Length - headerLength < payload.Length)
        {
            return false;
        }

        payload.CopyTo(destination[headerLength..]);
        written = headerLength + payload.Length;
        return true;
    }
}
