using CallGateway.Media.Rtcp;
using CallGateway.Media.Rtp;
using static CallGateway.Media.Tests.Rtcp.RtcpTestData;

namespace CallGateway.Media.Tests.Rtcp;

public class SenderReportTests
{
    // Built by hand from the RFC 3550 §6.4.1 layout:
    private const string SenderReportWithOneBlock =
        "81 C8 000C" + // V=2 P=0 RC=1, PT=200, length 12 (13 words = 52 octets)
        "01020304" + // SSRC of sender
        "E1234567 80000000" + // NTP timestamp: seconds 0xE1234567, fraction 0.5
        "00112233" + // RTP timestamp
        "00000064" + // packet count 100
        "00003E80" + // octet count 16000
        "CAFEBABE" + // block: SSRC_1
        "40 000005" + // fraction lost 64/256, cumulative lost 5
        "00010010" + // extended highest sequence: 1 cycle, seq 0x0010
        "00000020" + // jitter 32
        "45678000" + // LSR
        "00010000"; // DLSR: 1 s in 1/65536 s

    private static SenderReport Expected => new()
    {
        Ssrc = 0x01020304,
        NtpTimestamp = 0xE1234567_80000000,
        RtpTimestamp = 0x00112233,
        PacketCount = 100,
        OctetCount = 16000,
        ReportBlocks = [new ReportBlock(0xCAFEBABE, 64, 5, 0x00010010, 32, 0x45678000, 0x00010000)],
    };

    [Fact]
    public void TryWrite_HandBuiltVector_MatchesBytes()
    {
        var buffer = new byte[64];

        Assert.True(Expected.TryWrite(buffer, out int written));

        Assert.Equal(52, written);
        Assert.Equal(Hex(SenderReportWithOneBlock), buffer[..written]);
    }

    [Fact]
    public void TryParse_HandBuiltVector_ReadsEveryField()
    {
        Assert.True(SenderReport.TryParse(Hex(SenderReportWithOneBlock), out SenderReport? report));

        Assert.Equal(Expected.Ssrc, report.Ssrc);
        Assert.Equal(Expected.NtpTimestamp, report.NtpTimestamp);
        Assert.Equal(Expected.RtpTimestamp, report.RtpTimestamp);
        Assert.Equal(Expected.PacketCount, report.PacketCount);
        Assert.Equal(Expected.OctetCount, report.OctetCount);
        Assert.Equal(Expected.ReportBlocks, report.ReportBlocks);
    }

    [Fact]
    public void TryParse_ProfileExtensionAfterBlocks_Ignored()
    {
        byte[] withExtension = Hex(SenderReportWithOneBlock.Replace("81 C8 000C", "81 C8 000D", StringComparison.Ordinal) + "DEADBEEF");

        Assert.True(SenderReport.TryParse(withExtension, out SenderReport? report));
        Assert.Single(report.ReportBlocks);
    }

    [Theory]
    [InlineData("82 C8 000C")] // RC=2 but one block present
    [InlineData("81 C9 000C")] // an RR, not an SR
    [InlineData("81 C8 000D")] // length runs past the data
    public void TryParse_InconsistentHeader_ReturnsFalse(string header)
    {
        byte[] packet = Hex(SenderReportWithOneBlock.Replace("81 C8 000C", header, StringComparison.Ordinal));

        Assert.False(SenderReport.TryParse(packet, out _));
    }

    [Fact]
    public void TryWrite_ThirtyTwoBlocksOrSmallBuffer_ReturnsFalse()
    {
        var tooMany = new SenderReport { ReportBlocks = new ReportBlock[32] };

        Assert.False(tooMany.TryWrite(new byte[2048], out _));
        Assert.False(Expected.TryWrite(new byte[51], out _));
    }

    [Fact]
    public void FromStatistics_ExtrapolatesRtpTimestampToReportTime()
    {
        var stats = new RtpSenderStatistics(0x1234, 48000);
        stats.OnPacketSent(96_000, 120, TimeSpan.FromSeconds(2));
        stats.OnPacketSent(96_960, 100, TimeSpan.FromSeconds(2.02));

        SenderReport report = SenderReport.FromStatistics(stats, 0xE000_0000_0000_0000, TimeSpan.FromSeconds(2.52));

        Assert.Equal(0x1234u, report.Ssrc);
        Assert.Equal(96_960u + 24_000u, report.RtpTimestamp); // 0.5 s after the last packet at 48 kHz
        Assert.Equal(2u, report.PacketCount);
        Assert.Equal(220u, report.OctetCount);
        Assert.Empty(report.ReportBlocks);
    }
}
