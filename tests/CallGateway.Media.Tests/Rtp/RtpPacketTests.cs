using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void TryParse_WithPadding_PayloadExcludesPadding()
    {
        // P=1; payload 01 02 03, then 3 padding octets whose last one is the count (RFC 3550 §5.1).
        byte[] packet = Convert.FromHexString("A06F0001000000A001020304" + "010203" + "000003");

        Assert.True(RtpPacket.TryParse(packet, out RtpPacket rtp));

        Assert.Equal(3, rtp.PaddingLength);
        Assert.Equal(new byte[] { 1, 2, 3 }, rtp.Payload.ToArray());
        Assert.True(rtp.Header.Padding);
    }

    [Fact]
    public void TryWriteThenParse_HeaderAndPayload_RoundTrip()
    {
        byte[] payload = [0xF8, 0xFF, 0xFE];
        byte[] csrcs = [0, 0, 0, 9];
        var header = new RtpHeader
        {
            Marker = true,
            PayloadType = 111,
            SequenceNumber = 65535,
            Timestamp = 0xFFFFFF00,
            Ssrc = 42,
            CsrcBytes = csrcs,
        };
        var buffer = new byte[64];

        Assert.True(RtpPacket.TryWrite(buffer, header, payload, out int written));
        Assert.Equal(12 + 4 + 3, written);

        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out RtpPacket rtp));
        Assert.Equal(payload, rtp.Payload.ToArray());
        Assert.True(rtp.Header.Marker);
        Assert.Equal(65535, rtp.Header.SequenceNumber);
        Assert.Equal(0xFFFFFF00u, rtp.Header.Timestamp);
        Assert.Equal(9u, rtp.Header.GetCsrc(0));
    }

    [Fact]
    public void TryWrite_PaddingBitOrNoRoom_ReturnsFalse()
    {
        Assert.False(RtpPacket.TryWrite(new byte[64], new RtpHeader { Padding = true }, [1], out _));
        Assert.False(RtpPacket.TryWrite(new byte[14], new RtpHeader(), [1, 2, 3], out _));
    }
}
