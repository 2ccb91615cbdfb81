using CallGateway.Media.Rtcp;
using static CallGateway.Media.Tests.Rtcp.RtcpTestData;

namespace CallGateway.Media.Tests.Rtcp;

public class ReceiverReportTests
{
    [Fact]
    public void TryWrite_RealCaptureValues_ReproducesCapturedBytes()
    {
        var report = new ReceiverReport
        {
            Ssrc = 0x902f9e2e,
            ReportBlocks = [new ReportBlock(0xbc5e9a40, 0, 0, 0x46e1, 273, 0x09f36432, 150137)],
        };
        var buffer = new byte[32];

        Assert.True(report.TryWrite(buffer, out int written));

        Assert.Equal(Hex(RealCompound)[..32], buffer[..written]);
    }

    [Fact]
    public void TryWrite_EmptyReport_IsEightOctets()
    {
        // An RR with RC=0: 80 C9 0001 + SSRC (RFC 3550 §6.4.2, what a receiver with nothing to report sends).
        var buffer = new byte[8];

        Assert.True(new ReceiverReport { Ssrc = 7 }.TryWrite(buffer, out int written));

        Assert.Equal(8, written);
        Assert.Equal(Hex("80C90001 00000007"), buffer);
    }

    [Fact]
    public void TryParse_Truncated_ReturnsFalse()
    {
        byte[] rr = Hex(RealCompound)[..32];
        for (int length = 0; length < rr.Length; length++)
        {
            Assert.False(ReceiverReport.TryParse(rr.AsSpan(0, length), out _));
        }
    }
}
