using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallGateway.Media.Rtcp;

/// <summary>
/// An RTCP BYE (PT 203, RFC 3550 §6.6): the listed sources are leaving, optionally with a reason.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    SC   |   PT=BYE=203  |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           SSRC/CSRC                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// :                              ...                              :
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |     length    |               reason for leaving            ...   (optional)
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// The reason is UTF-8, zero-padded to a 32-bit boundary.
/// </remarks>
public sealed class Goodbye
{
    public IReadOnlyList<uint> Sources { get; init; } = [];

    /// <summary>Optional reason for leaving (at most 255 UTF-8 octets).</summary>
    public string? Reason { get; init; }

    /// <summary>Octets this packet occupies on the wire; -1 if the reason is longer than 255 UTF-8 octets.</summary>
    public int GetLength()
    {
        int reasonLength = Reason is null ? 0 : Encoding.UTF8.GetByteCount(Reason);
        if (reasonLength > SourceDescription.MaxItemLength)
        {
            return -1;
        }

        return RtcpHeader.Length + (4 * Sources.Count) + (Reason is null ? 0 : (1 + reasonLength + 3) & ~3);
    }

    /// <summary>Parses one BYE packet (header included). False if it is not a BYE or the lists run past the end. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out Goodbye? goodbye)
    {
        goodbye = null;
        if (!RtcpHeader.TryDelimit(data, RtcpPacketType.Goodbye, out RtcpHeader header, out ReadOnlySpan<byte> packet)
            || packet.Length - RtcpHeader.Length < 4 * header.Count)
        {
            return false;
        }

        var sources = new uint[header.Count];
        for (int i = 0; i < sources.Length; i++)
        {
            sources[i] = BinaryPrimitives.ReadUInt32BigEndian(packet[(RtcpHeader.Length + (4 * i))..]);
        }

        int offset = RtcpHeader.Length + (4 * sources.Length);
        string? reason = null;
        int padding = header.Padding ? packet[^1] : 0;
        if (packet.Length - padding > offset)
        {
            int reasonLength = packet[offset];
            if (packet.Length - offset - 1 < reasonLength)
            {
                return false;
            }

            reason = Encoding.UTF8.GetString(packet.Slice(offset + 1, reasonLength));
        }

        goodbye = new Goodbye { Sources = sources, Reason = reason };
        return true;
    }

    /// <summary>Writes the BYE; false if more than 31 sources, the reason is too long, or it does not fit.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        int length = GetLength();
        if (length < 0 || Sources.Count > RtcpHeader.MaxCount || destination.Length < length)
        {
            return false;
        }

        RtcpHeader.For(RtcpPacketType.Goodbye, Sources.Count, length).TryWrite(destination, out _);
        int offset = RtcpHeader.Length;
        foreach (uint source in Sources)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], source);
            offset += 4;
        }

        if (Reason is not null)
        {
            int reasonLength = Encoding.UTF8.GetBytes(Reason, destination[(offset + 1)..]);
            destination[offset] = (byte)reasonLength;
            destination[(offset + 1 + reasonLength)..length].Clear();
        }

        written = length;
        return true;
    }
}
