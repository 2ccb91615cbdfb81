using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class AudioLevelExtensionTests
{
    [Fact]
    public void TryWriteBody_VoiceLevel42_MatchesRfc6464OneByteLayout()
    {
        var body = new byte[8];

        Assert.True(AudioLevelExtension.TryWriteBody(body, id: 1, voiceActivity: true, level: 42, out int written));

        // ID=1, L=0 -> 0x10; V=1, level 42 -> 0x80 | 0x2A = 0xAA; two zero padding octets to a 32-bit boundary.
        Assert.Equal(4, written);
        Assert.Equal(new byte[] { 0x10, 0xAA, 0x00, 0x00 }, body[..4]);
    }

    [Fact]
    public void TryWriteBody_InHeader_ParsesBack()
    {
        var body = new byte[4];
        Assert.True(AudioLevelExtension.TryWriteBody(body, id: 3, voiceActivity: false, level: 127, out _));
        var header = new RtpHeader
        {
            PayloadType = 111,
            HasExtension = true,
            ExtensionProfile = OneByteHeaderExtension.Profile,
            ExtensionData = body,
        };
        var packet = new byte[32];
        Assert.True(header.TryWrite(packet, out int written));

        Assert.True(RtpHeader.TryParse(packet.AsSpan(0, written), out RtpHeader parsed, out _));
        Assert.True(AudioLevelExtension.TryRead(parsed.ExtensionData, 3, out bool voice, out int level));
        Assert.False(voice);
        Assert.Equal(127, level);
        Assert.False(AudioLevelExtension.TryRead(parsed.ExtensionData, 4, out _, out _));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(15, 10)]
    [InlineData(1, -1)]
    [InlineData(1, 128)]
    public void TryWriteBody_OutOfRange_ReturnsFalse(int id, int level)
    {
        Assert.False(AudioLevelExtension.TryWriteBody(new byte[4], id, true, level, out _));
    }
}
