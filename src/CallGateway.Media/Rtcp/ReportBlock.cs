using System.Buffers.Binary;
using CallGateway.Media.Rtp;

namespace CallGateway.Media.Rtcp;

/// <summary>
/// One reception report block of an SR or RR (RFC 3550 §6.4.1).
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                 SSRC_n (source identifier)                    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// | fraction lost |       cumulative number of packets lost       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           extended highest sequence number received           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                      interarrival jitter                      |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         last SR (LSR)                         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                   delay since last SR (DLSR)                  |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// </code>
/// Cumulative lost is a signed 24-bit value; LSR is the middle 32 bits of the source's last SR NTP timestamp and
/// DLSR the delay since receiving it, both in 1/65536 s.
/// </remarks>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Loss fraction since the previous report, in 1/256.</param>
/// <param name="CumulativeLost">Cumulative loss, -2^23 .. 2^23 - 1 (values outside are clamped when written).</param>
/// <param name="ExtendedHighestSequence">Cycles || highest sequence number received.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units.</param>
/// <param name="LastSenderReport">LSR: middle 32 bits of the last SR's NTP timestamp, 0 if none.</param>
/// <param name="DelaySinceLastSenderReport">DLSR in 1/65536 s, 0 if no SR was received.</param>
public readonly record struct ReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    public const int Length = 24;

    /// <summary>
    /// Builds the block for the numbers taken from <see cref="RtpReceiverStatistics.CreateReceptionReport"/>,
    /// computing DLSR as <paramref name="now"/> minus the SR's arrival (same timeline).
    /// </summary>
    public static ReportBlock FromReception(RtpReceptionReport reception, TimeSpan now)
    {
        uint delay = reception.LastSenderReportArrival is { } arrival && reception.LastSenderReport != 0
            ? NtpTimestamp.ToShortUnits(now - arrival)
            : 0;
        return new ReportBlock(
            reception.Ssrc,
            reception.FractionLost,
            reception.CumulativeLost,
            reception.ExtendedHighestSequence,
            reception.Jitter,
            reception.LastSenderReport,
            delay);
    }

    /// <summary>
    /// Round-trip time from this block, received at <paramref name="arrivalNtpMiddle32"/> (middle 32 bits of our NTP
    /// clock when the report arrived): RTT = A - LSR - DLSR (RFC 3550 §6.4.1). False if the peer has not received an
    /// SR from us yet (LSR = 0) or the result is negative (clock mismatch).
    /// </summary>
    public bool TryGetRoundTripTime(uint arrivalNtpMiddle32, out TimeSpan roundTripTime)
    {
        roundTripTime = TimeSpan.Zero;
        if (LastSenderReport == 0)
        {
            return false;
        }

        int rtt = unchecked((int)(arrivalNtpMiddle32 - LastSenderReport - DelaySinceLastSenderReport));
        if (rtt < 0)
        {
            return false;
        }

        roundTripTime = NtpTimestamp.FromShortUnits((uint)rtt);
        return true;
    }

    /// <summary>Reads a block from the first 24 octets of <paramref name="data"/>. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out ReportBlock block)
    {
        block = default;
        if (data.Length < Length)
        {
            return false;
        }

        block = Read(data);
        return true;
    }

    private static ReportBlock Read(ReadOnlySpan<byte> data)
    {
        uint lossWord = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        return new ReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(data),
            (byte)(lossWord >> 24),
            (int)(lossWord << 8) >> 8, // sign-extend the 24-bit field
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[20..]));
    }

    /// <summary>Writes the 24-octet block; false if the destination is too small.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < Length)
        {
            return false;
        }

        int lost = Math.Clamp(CumulativeLost, -0x800000, 0x7FFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | ((uint)lost & 0x00FF_FFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
        written = Length;
        return true;
    }

    /// <summary>Parses <paramref name="count"/> consecutive blocks; false if they do not fit.</summary>
    internal static bool TryParseList(ReadOnlySpan<byte> data, int count, out ReportBlock[] blocks)
    {
        blocks = [];
        if (data.Length < count * Length)
        {
            return false;
        }

        var result = new ReportBlock[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Read(data.Slice(i * Length, Length));
        }

        blocks = result;
        return true;
    }

    /// <summary>Writes a list of blocks; the caller checked the room and the count.</summary>
    internal static int WriteList(Span<byte> destination, IReadOnlyList<ReportBlock> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            blocks[i].TryWrite(destination[(i * Length)..], out _);
        }

        return blocks.Count * Length;
    }
}
