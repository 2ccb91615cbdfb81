using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallGateway.Media.Rtcp;

/// <summary>
/// An RTCP source description (SDES, PT 202, RFC 3550 §6.5). Only the CNAME item is interpreted.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    SC   |  PT=SDES=202  |             length            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                          SSRC/CSRC_1                          |   chunk 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |    CNAME=1    |     length    | user and domain name        ...
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  ...  | END=0 | zero padding to the next 32-bit boundary      |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                          SSRC/CSRC_2  ...                     |   chunk 2
/// </code>
/// Each chunk's item list ends with at least one zero octet and is padded to a 32-bit boundary.
/// </remarks>
public sealed class SourceDescription
{
    private const byte EndItem = 0;
    private const byte CnameItem = 1;

    /// <summary>Longest item text (8-bit length).</summary>
    public const int MaxItemLength = 255;

    public IReadOnlyList<SourceDescriptionChunk> Chunks { get; init; } = [];

    /// <summary>
    /// Parses one SDES packet (header included). False if it is not an SDES or a chunk or item runs past the end.
    /// Never throws (invalid UTF-8 in a CNAME is replaced, not rejected).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out SourceDescription? description)
    {
        description = null;
        if (!RtcpHeader.TryDelimit(data, RtcpPacketType.SourceDescription, out RtcpHeader header, out ReadOnlySpan<byte> packet))
        {
            return false;
        }

        var chunks = new SourceDescriptionChunk[header.Count];
        int offset = RtcpHeader.Length;
        for (int i = 0; i < chunks.Length; i++)
        {
            if (!TryParseChunk(packet, ref offset, out chunks[i]))
            {
                return false;
            }
        }

        description = new SourceDescription { Chunks = chunks };
        return true;
    }

    private static bool TryParseChunk(ReadOnlySpan<byte> packet, ref int offset, out SourceDescriptionChunk chunk)
    {
        chunk = default;
        if (packet.Length - offset < 4)
        {
            return false;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[offset..]);
        offset += 4;
        string? cname = null;
        while (true)
        {
            if (offset >= packet.Length)
            {
                return false;
            }

            byte type = packet[offset];
            if (type == EndItem)
            {
                offset = (offset + 4) & ~3; // the END octet plus padding up to the next boundary
                break;
            }

            if (packet.Length - offset < 2 || packet.Length - offset - 2 < packet[offset + 1])
            {
                return false;
            }

            int itemLength = packet[offset + 1];
            if (type == CnameItem)
            {
                cname = Encoding.UTF8.GetString(packet.Slice(offset + 2, itemLength));
            }

            offset += 2 + itemLength;
        }

        if (offset > packet.Length)
        {
            return false;
        }

        chunk = new SourceDescriptionChunk(ssrc, cname);
        return true;
    }

    /// <summary>Octets this packet occupies on the wire; -1 if a CNAME is missing or longer than 255 UTF-8 octets.</summary>
    public int GetLength()
    {
        int length = RtcpHeader.Length;
        foreach (SourceDescriptionChunk chunk in Chunks)
        {
            int cnameLength = chunk.Cname is null ? -1 : Encoding.UTF8.GetByteCount(chunk.Cname);
            if (cnameLength is < 0 or > MaxItemLength)
            {
                return -1;
            }

            length += ChunkLength(cnameLength);
        }

        return length;
    }

    /// <summary>Writes the SDES; false if a chunk has no valid CNAME, there are more than 31, or it does not fit.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        int length = GetLength();
        if (length < 0 || Chunks.Count > RtcpHeader.MaxCount || destination.Length < length)
        {
            return false;
        }

        RtcpHeader.For(RtcpPacketType.SourceDescription, Chunks.Count, length).TryWrite(destination, out _);
        int offset = RtcpHeader.Length;
        foreach (SourceDescriptionChunk chunk in Chunks)
        {
            offset += WriteChunk(destination[offset..], chunk.Ssrc, chunk.Cname!);
        }

        written = length;
        return true;
    }

    /// <summary>
    /// Writes an SDES with a single CNAME chunk without allocating (what every compound RTCP packet carries,
    /// RFC 3550 §6.1). False if the CNAME is empty, longer than 255 UTF-8 octets, or it does not fit.
    /// </summary>
    public static bool TryWriteCname(Span<byte> destination, uint ssrc, string cname, out int written)
    {
        ArgumentNullException.ThrowIfNull(cname);
        written = 0;
        int cnameLength = Encoding.UTF8.GetByteCount(cname);
        int length = RtcpHeader.Length + ChunkLength(cnameLength);
        if (cnameLength is 0 or > MaxItemLength || destination.Length < length)
        {
            return false;
        }

        RtcpHeader.For(RtcpPacketType.SourceDescription, 1, length).TryWrite(destination, out _);
        WriteChunk(destination[RtcpHeader.Length..], ssrc, cname);
        written = length;
        return true;
    }

    // SSRC + CNAME item + END octet, padded to 32 bits.
    private static int ChunkLength(int cnameLength) => 4 + ((2 + cnameLength + 1 + 3) & ~3);

    private static int WriteChunk(Span<byte> destination, uint ssrc, string cname)
    {
        int cnameLength = Encoding.UTF8.GetByteCount(cname);
        int length = ChunkLength(cnameLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination, ssrc);
        destination[4] = CnameItem;
        destination[5] = (byte)cnameLength;
        Encoding.UTF8.GetBytes(cname, destination[6..]);
        destination[(6 + cnameLength)..length].Clear();
        return length;
    }
}
