using System.Buffers.Binary;

namespace CallGateway.Media.Rtcp;

/// <summary>
/// The 4-octet header every RTCP packet starts with (RFC 3550 §6.4.1).
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|  count  |      PT       |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// count is RC (reports), SC (sources) or FMT (feedback) depending on PT; length is the packet length in 32-bit
/// words minus one, header and padding included.
/// </remarks>
/// <param name="Padding">P bit: the packet ends in padding whose last octet is the padding count.</param>
/// <param name="Count">The 5-bit count/format field.</param>
/// <param name="PacketType">PT.</param>
/// <param name="LengthWords">The length field: 32-bit words minus one.</param>
public readonly record struct RtcpHeader(bool Padding, int Count, RtcpPacketType PacketType, ushort LengthWords)
{
    public const int Length = 4;

    /// <summary>The maximum of the 5-bit count field (report blocks per SR/RR, sources per BYE, chunks per SDES).</summary>
    public const int MaxCount = 31;

    /// <summary>Length of the whole packet in octets: (length + 1) * 4.</summary>
    public int PacketLength => (LengthWords + 1) * 4;

    /// <summary>Reads a header: false if shorter than 4 octets or not version 2. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpHeader header)
    {
        header = default;
        if (packet.Length < Length || (packet[0] >> 6) != 2)
        {
            return false;
        }

        header = new RtcpHeader(
            (packet[0] & 0x20) != 0,
            packet[0] & 0x1F,
            (RtcpPacketType)packet[1],
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]));
        return true;
    }

    /// <summary>Writes the header; false if the count is out of range or the destination is too small.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        if (Count is < 0 or > MaxCount || destination.Length < Length)
        {
            return false;
        }

        destination[0] = (byte)(0x80 | (Padding ? 0x20 : 0) | Count);
        destination[1] = (byte)PacketType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], LengthWords);
        written = Length;
        return true;
    }

    /// <summary>
    /// Reads the header of a packet of type <paramref name="expected"/> and delimits the packet by its length field.
    /// False if the type differs or the length runs past <paramref name="data"/>.
    /// </summary>
    internal static bool TryDelimit(
        ReadOnlySpan<byte> data, RtcpPacketType expected, out RtcpHeader header, out ReadOnlySpan<byte> packet)
    {
        packet = default;
        if (!TryParse(data, out header) || header.PacketType != expected || header.PacketLength > data.Length)
        {
            return false;
        }

        packet = data[..header.PacketLength];
        return true;
    }

    /// <summary>The header for a packet of <paramref name="packetLength"/> octets (a multiple of 4).</summary>
    internal static RtcpHeader For(RtcpPacketType type, int count, int packetLength) =>
        new(false, count, type, (ushort)((packetLength / 4) - 1));
}
