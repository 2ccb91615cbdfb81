using CallGateway.Media.Rtcp;

namespace CallGateway.Media.Tests.Rtcp;

public class RtcpHeaderTests
{
    [Fact]
    public void TryParse_PaddedFeedbackHeader_ReadsFields()
    {
        Assert.True(RtcpHeader.TryParse([0xA5, 205, 0x00, 0x02], out RtcpHeader header));

        Assert.Equal(new RtcpHeader(true, 5, RtcpPacketType.TransportFeedback, 2), header);
        Assert.Equal(12, header.PacketLength);
    }

    [Fact]
    public void TryWrite_UnknownType_RoundTrips()
    {
        var header = new RtcpHeader(false, 31, (RtcpPacketType)195, 0xFFFF);
        var buffer = new byte[4];

        Assert.True(header.TryWrite(buffer, out int written));

        Assert.Equal(4, written);
        Assert.Equal(new byte[] { 0x9F, 195, 0xFF, 0xFF }, buffer);
        Assert.True(RtcpHeader.TryParse(buffer, out RtcpHeader parsed));
        Assert.Equal(header, parsed);
        Assert.Equal(65536 * 4, parsed.PacketLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 200, 0, 1 })]
    [InlineData(new byte[] { 0x80, 200, 0 })]
    public void TryParse_WrongVersionOrShort_ReturnsFalse(byte[] data)
    {
        Assert.False(RtcpHeader.TryParse(data, out _));
    }

    [Fact]
    public void TryWrite_CountAbove31_ReturnsFalse()
    {
        Assert.False(new RtcpHeader(false, 32, RtcpPacketType.SenderReport, 1).TryWrite(new byte[4], out _));
    }
}
