using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Rtcp;

/// <summary>
/// An RTCP receiver report (RR, PT 201, RFC 3550 §6.4.2): what a participant that is not sending reports.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    RC   |   PT=RR=201   |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                     SSRC of packet sender                     |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                  report blocks (RC x 24 octets)               |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                  profile-specific extensions                  |
/// </code>
/// </remarks>
public sealed class ReceiverReport
{
    private const int FixedLength = 8;

    public uint Ssrc { get; init; }

    /// <summary>Up to 31 reception report blocks (an empty RR is valid and heads a compound of a silent receiver).</summary>
    public IReadOnlyList<ReportBlock> ReportBlocks { get; init; } = [];

    /// <summary>Octets this packet occupies on the wire.</summary>
    public int Length => FixedLength + (ReportBlock.Length * ReportBlocks.Count);

    /// <summary>Parses one RR packet (header included). False if it is not an RR or its blocks do not fit. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out ReceiverReport? report)
    {
        report = null;
        if (!RtcpHeader.TryDelimit(data, RtcpPacketType.ReceiverReport, out RtcpHeader header, out ReadOnlySpan<byte> packet)
            || packet.Length < FixedLength
            || !ReportBlock.TryParseList(packet[FixedLength..], header.Count, out ReportBlock[] blocks))
        {
            return false;
        }

        report = new ReceiverReport { Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), ReportBlocks = blocks };
        return true;
    }

    /// <summary>Writes the RR; false if there are more than 31 blocks or the destination is too small.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        int length = Length;
        if (ReportBlocks.Count > RtcpHeader.MaxCount || destination.Length < length)
        {
            return false;
        }

        RtcpHeader.For(RtcpPacketType.ReceiverReport, ReportBlocks.Count, length).TryWrite(destination, out _);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Ssrc);
        ReportBlock.WriteList(destination[FixedLength..], ReportBlocks);
        written = length;
        return true;
    }
}
