using CallGateway.Media.Rtcp;

namespace CallGateway.Media.Tests.Rtcp;

public class RtcpMuxTests
{
    [Theory]
    [InlineData(new byte[] { 0x81, 200 }, true)] // SR
    [InlineData(new byte[] { 0x80, 201 }, true)] // RR
    [InlineData(new byte[] { 0x8F, 206 }, true)] // PSFB FMT 15
    [InlineData(new byte[] { 0x80, 192 }, true)] // lowest RTCP range value
    [InlineData(new byte[] { 0x80, 223 }, true)] // highest
    [InlineData(new byte[] { 0x80, 111 }, false)] // RTP PT 111 (Opus)
    [InlineData(new byte[] { 0x80, 0xEF }, false)] // RTP PT 111 with marker = 239
    [InlineData(new byte[] { 0x80, 224 }, false)]
    [InlineData(new byte[] { 0x80, 191 }, false)]
    [InlineData(new byte[] { 0x16, 200 }, false)] // DTLS first octet
    [InlineData(new byte[] { 0x00, 201 }, false)] // STUN first octet
    [InlineData(new byte[] { 0xC0, 200 }, false)] // first octet 192: outside 128..191
    [InlineData(new byte[] { 0x81 }, false)]
    [InlineData(new byte[0], false)]
    public void IsRtcp_Rfc5761Ranges(byte[] packet, bool expected)
    {
        Assert.Equal(expected, RtcpMux.IsRtcp(packet));
    }
}
