using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using CallGateway.Media.Rtp;

namespace CallGateway.Media.Rtcp;

/// <summary>
/// An RTCP sender report (SR, PT 200, RFC 3550 §6.4.1).
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    RC   |   PT=SR=200   |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         SSRC of sender                        |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |              NTP timestamp, most significant word             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |             NTP timestamp, least significant word             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         RTP timestamp                         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                     sender's packet count                     |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                      sender's octet count                     |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                  report blocks (RC x 24 octets)               |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                  profile-specific extensions                  |
/// </code>
/// Profile-specific extensions are skipped when parsing and never written.
/// </remarks>
public sealed class SenderReport
{
    private const int FixedLength = 28;

    public uint Ssrc { get; init; }

    /// <summary>Wallclock time of this report as a 64-bit NTP timestamp.</summary>
    public ulong NtpTimestamp { get; init; }

    /// <summary>The RTP timestamp corresponding to <see cref="NtpTimestamp"/>.</summary>
    public uint RtpTimestamp { get; init; }

    public uint PacketCount { get; init; }

    public uint OctetCount { get; init; }

    /// <summary>Up to 31 reception report blocks.</summary>
    public IReadOnlyList<ReportBlock> ReportBlocks { get; init; } = [];

    /// <summary>Octets this packet occupies on the wire.</summary>
    public int Length => FixedLength + (ReportBlock.Length * ReportBlocks.Count);

    /// <summary>
    /// An SR for our stream at wallclock <paramref name="ntpTimestamp"/> (monotonic time <paramref name="now"/>),
    /// with the RTP timestamp extrapolated from the last packet sent.
    /// </summary>
    public static SenderReport FromStatistics(
        RtpSenderStatistics statistics, ulong ntpTimestamp, TimeSpan now, IReadOnlyList<ReportBlock>? reportBlocks = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new SenderReport
        {
            Ssrc = statistics.Ssrc,
            NtpTimestamp = ntpTimestamp,
            RtpTimestamp = statistics.GetRtpTimestampAt(now),
            PacketCount = statistics.PacketCount,
            OctetCount = statistics.OctetCount,
            ReportBlocks = reportBlocks ?? [],
        };
    }

    /// <summary>
    /// Parses one SR packet (as delimited by <see cref="RtcpCompoundParser"/>, header included). False if it is not
    /// an SR or its report blocks do not fit. Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out SenderReport? report)
    {
        report = null;
        if (!RtcpHeader.TryDelimit(data, RtcpPacketType.SenderReport, out RtcpHeader header, out ReadOnlySpan<byte> packet)
            || packet.Length < FixedLength
            || !ReportBlock.TryParseList(packet[FixedLength..], header.Count, out ReportBlock[] blocks))
        {
            return false;
        }

        report = new SenderReport
        {
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            NtpTimestamp = BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
            RtpTimestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
            PacketCount = BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
            OctetCount = BinaryPrimitives.ReadUInt32BigEndian(packet[24..]),
            ReportBlocks = blocks,
        };
        return true;
    }

    /// <summary>Writes the SR; false if there are more than 31 blocks or the destination is too small.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        int length = Length;
        if (ReportBlocks.Count > RtcpHeader.MaxCount || destination.Length < length)
        {
            return false;
        }

        RtcpHeader.For(RtcpPacketType.SenderReport, ReportBlocks.Count, length).TryWrite(destination, out _);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], OctetCount);
        ReportBlock.WriteList(destination[FixedLength..], ReportBlocks);
        written = length;
        return true;
    }
}
