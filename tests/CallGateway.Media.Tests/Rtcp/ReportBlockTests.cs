using CallGateway.Media.Rtcp;
using CallGateway.Media.Rtp;
using static CallGateway.Media.Tests.Rtcp.RtcpTestData;

namespace CallGateway.Media.Tests.Rtcp;

public class ReportBlockTests
{
    [Theory]
    [InlineData("00 FFFFFE", -2)] // two duplicates more than expected: negative 24-bit value
    [InlineData("FF 7FFFFF", 0x7FFFFF)]
    [InlineData("00 800000", -0x800000)]
    public void TryParse_CumulativeLost_IsSignExtended24Bit(string lossWord, int expected)
    {
        byte[] data = Hex("00000001" + lossWord + "00000000 00000000 00000000 00000000");

        Assert.True(ReportBlock.TryParse(data, out ReportBlock block));

        Assert.Equal(expected, block.CumulativeLost);
        var buffer = new byte[24];
        Assert.True(block.TryWrite(buffer, out _));
        Assert.Equal(data, buffer);
    }

    [Fact]
    public void TryWrite_CumulativeLostOutOfRange_Clamps()
    {
        var buffer = new byte[24];
        Assert.True(new ReportBlock(1, 0, 50_000_000, 0, 0, 0, 0).TryWrite(buffer, out _));
        Assert.Equal(Hex("007FFFFF"), buffer[4..8]);
        Assert.True(new ReportBlock(1, 0, -50_000_000, 0, 0, 0, 0).TryWrite(buffer, out _));
        Assert.Equal(Hex("00800000"), buffer[4..8]);
    }

    [Fact]
    public void TryGetRoundTripTime_Rfc3550Figure2Example_Is6Point125Seconds()
    {
        // RFC 3550 §6.4.1, Figure 2: A = 0xb7108000 (46864.500 s), LSR = 0xb7052000 (46853.125 s),
        // DLSR = 0x00054000 (5.250 s) -> RTT = 0x00062000 (6.125 s).
        var block = new ReportBlock(1, 0, 0, 0, 0, 0xB7052000, 0x00054000);

        Assert.True(block.TryGetRoundTripTime(0xB7108000, out TimeSpan rtt));

        Assert.Equal(TimeSpan.FromSeconds(6.125), rtt);
    }

    [Fact]
    public void TryGetRoundTripTime_NoSenderReportYetOrNegative_ReturnsFalse()
    {
        Assert.False(new ReportBlock(1, 0, 0, 0, 0, 0, 0).TryGetRoundTripTime(0xB7108000, out _));
        Assert.False(new ReportBlock(1, 0, 0, 0, 0, 0xB7108000, 0x00010000).TryGetRoundTripTime(0xB7108000, out _));
    }

    [Fact]
    public void FromReception_StatisticsAndSenderReport_RoundTripTimeMeasuredBySender()
    {
        // Our side sent an SR at NTP time T; the peer's receiver statistics record it at its monotonic 10 s, the peer
        // sends an RR 250 ms later, and the RR reaches us 350 ms after T: RTT = 350 - 250 = 100 ms.
        ulong srNtp = NtpTimestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var peer = new RtpReceiverStatistics(0xAA, 48000, minSequential: 1);
        for (int seq = 0; seq < 50; seq++)
        {
            peer.OnPacketReceived((ushort)seq, (uint)seq * 960, (uint)seq * 960, 80);
        }

        peer.OnSenderReport(srNtp, TimeSpan.FromSeconds(10));
        ReportBlock block = ReportBlock.FromReception(peer.CreateReceptionReport(), TimeSpan.FromSeconds(10.25));
        uint arrival = NtpTimestamp.GetMiddle32(srNtp + (ulong)(0.35 * (1L << 32)));

        Assert.Equal(NtpTimestamp.GetMiddle32(srNtp), block.LastSenderReport);
        Assert.Equal(16384u, block.DelaySinceLastSenderReport); // 0.25 s * 65536
        Assert.Equal(49u, block.ExtendedHighestSequence);
        Assert.True(block.TryGetRoundTripTime(arrival, out TimeSpan rtt));
        Assert.InRange(rtt.TotalMilliseconds, 99.9, 100.1); // 1/65536 s resolution
    }

    [Fact]
    public void FromReception_NoSenderReport_LsrAndDlsrZero()
    {
        var stats = new RtpReceiverStatistics(0xAA, 48000);

        ReportBlock block = ReportBlock.FromReception(stats.CreateReceptionReport(), TimeSpan.FromSeconds(5));

        Assert.Equal(0u, block.LastSenderReport);
        Assert.Equal(0u, block.DelaySinceLastSenderReport);
    }
}
