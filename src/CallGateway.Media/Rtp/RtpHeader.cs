using System.Buffers.Binary;

namespace CallGateway.Media.Rtp;

/// <summary>
/// The RTP fixed header, CSRC list and header extension (RFC 3550 §5.1, §5.3.1), as a zero-copy view: CSRCs and
/// extension data are spans into the parsed packet (or into caller memory when writing).
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           timestamp                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           synchronization source (SSRC) identifier            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |            contributing source (CSRC) identifiers             |
/// |                             ....  (CC of them)                |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  defined by profile (X=1)     |  length (32-bit words)        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                        header extension                       |
/// |                             ....                              |
/// </code>
/// The P bit says the packet ends in padding whose last octet counts the padding octets (including itself); the
/// header view records the bit, <see cref="RtpPacket"/> strips the padding.
/// </remarks>
public readonly ref struct RtpHeader
{
    /// <summary>Octets of the fixed header.</summary>
    public const int FixedLength = 12;

    /// <summary>The only RTP version (RFC 3550 §5.1).</summary>
    public const int RtpVersion = 2;

    /// <summary>At most 15 CSRCs (4-bit CC).</summary>
    public const int MaxCsrcCount = 15;

    /// <summary>P bit.</summary>
    public bool Padding { get; init; }

    /// <summary>M bit (for audio: the first packet of a talkspurt, RFC 3551 §4.1).</summary>
    public bool Marker { get; init; }

    /// <summary>Payload type, 0..127.</summary>
    public byte PayloadType { get; init; }

    public ushort SequenceNumber { get; init; }

    public uint Timestamp { get; init; }

    public uint Ssrc { get; init; }

    /// <summary>The CSRC list as raw big-endian octets (4 per CSRC). Use <see cref="GetCsrc"/> to read one.</summary>
    public ReadOnlySpan<byte> CsrcBytes { get; init; }

    /// <summary>X bit: a header extension follows the CSRCs.</summary>
    public bool HasExtension { get; init; }

    /// <summary>The 16-bit "defined by profile" field (0xBEDE for RFC 8285 one-byte extensions).</summary>
    public ushort ExtensionProfile { get; init; }

    /// <summary>The extension body after its 4-octet header; a multiple of 4 octets.</summary>
    public ReadOnlySpan<byte> ExtensionData { get; init; }

    /// <summary>Number of CSRCs (CC).</summary>
    public int CsrcCount => CsrcBytes.Length / 4;

    /// <summary>Octets this header occupies on the wire.</summary>
    public int Length => FixedLength + CsrcBytes.Length + (HasExtension ? 4 + ExtensionData.Length : 0);

    /// <summary>The CSRC at <paramref name="index"/> (0-based).</summary>
    public uint GetCsrc(int index) => BinaryPrimitives.ReadUInt32BigEndian(CsrcBytes.Slice(index * 4, 4));

    /// <summary>
    /// Parses the header at the start of <paramref name="packet"/> (the whole RTP packet, so the padding count can be
    /// validated). False if shorter than its header, not version 2, or the padding count is zero or exceeds the
    /// octets after the header. Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out int headerLength)
    {
        header = default;
        headerLength = 0;
        if (packet.Length < FixedLength || (packet[0] >> 6) != RtpVersion)
        {
            return false;
        }

        int csrcLength = 4 * (packet[0] & 0x0F);
        int length = FixedLength + csrcLength;
        bool hasExtension = (packet[0] & 0x10) != 0;
        ushort profile = 0;
        ReadOnlySpan<byte> extension = default;
        if (hasExtension)
        {
            if (packet.Length < length + 4)
            {
                return false;
            }

            profile = BinaryPrimitives.ReadUInt16BigEndian(packet[length..]);
            int extensionLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]);
            if (packet.Length - length - 4 < extensionLength)
            {
                return false;
            }

            extension = packet.Slice(length + 4, extensionLength);
            length += 4 + extensionLength;
        }
        else if (packet.Length < length)
        {
            return false;
        }

        bool padding = (packet[0] & 0x20) != 0;
        if (padding && (packet.Length == length || packet[^1] == 0 || packet[^1] > packet.Length - length))
        {
            return false;
        }

        header = new RtpHeader
        {
            Padding = padding,
            Marker = (packet[1] & 0x80) != 0,
            PayloadType = (byte)(packet[1] & 0x7F),
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            CsrcBytes = packet.Slice(FixedLength, csrcLength),
            HasExtension = hasExtension,
            ExtensionProfile = profile,
            ExtensionData = extension,
        };
        headerLength = length;
        return true;
    }

    /// <summary>
    /// Writes this header. False (nothing meaningful written) if the destination is too small, the payload type is
    /// above 127, or the CSRC/extension spans are not whole 32-bit words within their limits.
    /// </summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        if (PayloadType > 0x7F || CsrcBytes.Length % 4 != 0 || CsrcCount > MaxCsrcCount
            || ExtensionData.Length % 4 != 0 || ExtensionData.Length > 4 * ushort.MaxValue
            || (!HasExtension && !ExtensionData.IsEmpty) || destination.Length < Length)
        {
            return false;
        }

        destination[0] = (byte)((RtpVersion << 6) | (Padding ? 0x20 : 0) | (HasExtension ? 0x10 : 0) | CsrcCount);
        destination[1] = (byte)((Marker ? 0x80 : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        CsrcBytes.CopyTo(destination[FixedLength..]);
        int offset = FixedLength + CsrcBytes.Length;
        if (HasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], ExtensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(ExtensionData.Length / 4));
            ExtensionData.CopyTo(destination[(offset + 4)..]);
            offset += 4 + ExtensionData.Length;
        }

        written = offset;
        return true;
    }
}
