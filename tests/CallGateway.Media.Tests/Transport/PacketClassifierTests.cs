using CallGateway.Media.Transport;

namespace CallGateway.Media.Tests.Transport;

public class PacketClassifierTests
{
    [Theory]
    // RFC 7983 §7 ranges, first byte (and second byte for RTCP vs RTP under rtcp-mux, RFC 5761 §4).
    [InlineData(new byte[] { 0x00, 0x01 }, PacketKind.Stun)]
    [InlineData(new byte[] { 0x01, 0x01 }, PacketKind.Stun)]
    [InlineData(new byte[] { 0x03, 0x00 }, PacketKind.Stun)]
    [InlineData(new byte[] { 0x10, 0x00 }, PacketKind.Unknown)] // ZRTP
    [InlineData(new byte[] { 0x14, 0xFE }, PacketKind.Dtls)]    // 20: change_cipher_spec
    [InlineData(new byte[] { 0x16, 0xFE }, PacketKind.Dtls)]    // 22: handshake
    [InlineData(new byte[] { 0x3F, 0x00 }, PacketKind.Dtls)]    // 63
    [InlineData(new byte[] { 0x40, 0x00 }, PacketKind.Unknown)] // TURN channel
    [InlineData(new byte[] { 0x80, 0x6F }, PacketKind.Rtp)]     // PT 111
    [InlineData(new byte[] { 0x80, 0xEF }, PacketKind.Rtp)]     // PT 111 with marker
    [InlineData(new byte[] { 0x80, 0xC8 }, PacketKind.Rtcp)]    // SR (200)
    [InlineData(new byte[] { 0x81, 0xC9 }, PacketKind.Rtcp)]    // RR (201)
    [InlineData(new byte[] { 0x80, 0xDF }, PacketKind.Rtcp)]    // 223
    [InlineData(new byte[] { 0x80, 0xE0 }, PacketKind.Rtp)]     // 224: RTP PT 96 with marker
    [InlineData(new byte[] { 0xBF, 0x00 }, PacketKind.Rtp)]
    [InlineData(new byte[] { 0xC0, 0x00 }, PacketKind.Unknown)]
    [InlineData(new byte[] { 0x80 }, PacketKind.Unknown)]
    [InlineData(new byte[0], PacketKind.Unknown)]
    public void Classify_FollowsRfc7983(byte[] datagram, PacketKind expected) =>
        Assert.Equal(expected, PacketClassifier.Classify(datagram));
}
