using CallGateway.Media.Audio;
using CallGateway.Media.Codecs;

namespace CallGateway.Media.Tests.Codecs;

public class OpusEncoderTests
{
    [Fact]
    public void Settings_AreAppliedAndReadBack()
    {
        using var encoder = new OpusEncoder(48000)
        {
            Bitrate = 24000,
            Complexity = 5,
            InbandFec = true,
            PacketLossPercent = 15,
            Dtx = true,
            SignalVoice = true,
        };

        Assert.Equal(24000, encoder.Bitrate);
        Assert.Equal(5, encoder.Complexity);
        Assert.True(encoder.InbandFec);
        Assert.Equal(15, encoder.PacketLossPercent);
        Assert.True(encoder.Dtx);
        Assert.True(encoder.SignalVoice);

        encoder.InbandFec = false;
        encoder.SignalVoice = false;
        Assert.False(encoder.InbandFec);
        Assert.False(encoder.SignalVoice);
    }

    [Fact]
    public void Settings_OutOfRange_ThrowOpusException()
    {
        using var encoder = new OpusEncoder(16000);

        var ex = Assert.Throws<OpusException>(() => encoder.Complexity = 11);

        Assert.Equal(OpusError.BadArgument, ex.Error);
    }

    // libopus' VOIP/AUDIO delay is 2.5 ms of look-ahead plus 4 ms of delay compensation (opus_encoder.c).
    [Theory]
    [InlineData(48000, 312)]
    [InlineData(16000, 104)]
    [InlineData(8000, 52)]
    public void Lookahead_IsSixAndAHalfMilliseconds(int rate, int expected)
    {
        using var encoder = new OpusEncoder(rate);

        Assert.Equal(expected, encoder.Lookahead);
        Assert.Equal(rate / 50, encoder.FrameSamples);
    }

    [Fact]
    public void Bitrate_ChangesPacketSize()
    {
        using var low = new OpusEncoder(48000) { Bitrate = 12000 };
        using var high = new OpusEncoder(48000) { Bitrate = 64000 };

        var lowBytes = OpusDecoderTests.EncodePackets(low, new ToneGenerator(48000, 440, 0.3), 50).Sum(p => p.Length);
        var highBytes = OpusDecoderTests.EncodePackets(high, new ToneGenerator(48000, 440, 0.3), 50).Sum(p => p.Length);

        // 50 packets per second: bytes * 8 is the measured bitrate.
        Assert.InRange(lowBytes * 8, 8000, 16000);
        Assert.InRange(highBytes * 8, 48000, 80000);
    }

    [Fact]
    public void Dtx_Silence_ProducesTinyPackets()
    {
        using var dtx = new OpusEncoder(16000) { Dtx = true };
        using var plain = new OpusEncoder(16000);

        var dtxPackets = OpusDecoderTests.EncodePackets(dtx, new ToneGenerator(16000, 0, 0), 50);
        var plainPackets = OpusDecoderTests.EncodePackets(plain, new ToneGenerator(16000, 0, 0), 50);

        Assert.Contains(dtxPackets, p => p.Length <= 2);
        Assert.DoesNotContain(plainPackets, p => p.Length <= 2);
    }

    [Fact]
    public void Encode_WrongFrameLength_Throws()
    {
        using var encoder = new OpusEncoder(16000);

        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[319], new byte[1275]));
        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[320], Span<byte>.Empty));
    }

    [Fact]
    public void Encode_PacketDuration_IsTwentyMilliseconds()
    {
        using var encoder = new OpusEncoder(48000);
        var packet = OpusDecoderTests.EncodePackets(encoder, new ToneGenerator(48000, 440, 0.3), 1)[0];

        Assert.True(OpusPacket.TryGetSampleCount(packet, 48000, out var at48));
        Assert.True(OpusPacket.TryGetSampleCount(packet, 16000, out var at16));
        Assert.Equal(960, at48);
        Assert.Equal(320, at16);
        Assert.False(OpusPacket.TryGetSampleCount([0x03], 48000, out _));
        Assert.False(OpusPacket.TryGetSampleCount([], 48000, out _));
    }

    [Fact]
    public void Reset_RestartsTheStream()
    {
        using var encoder = new OpusEncoder(16000);
        var tone = new ToneGenerator(16000, 440, 0.3).Generate(320);
        var first = new byte[1275];
        var afterReset = new byte[1275];

        var firstLength = encoder.Encode(tone, first);
        encoder.Encode(tone, afterReset);
        encoder.Reset();
        var resetLength = encoder.Encode(tone, afterReset);

        Assert.Equal(first.AsSpan(0, firstLength).ToArray(), afterReset.AsSpan(0, resetLength).ToArray());
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterUseThrows()
    {
        var encoder = new OpusEncoder(48000);

        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Bitrate = 16000);
    }

    [Fact]
    public void Library_IsAvailableWithVersion()
    {
        Assert.True(OpusLibrary.IsAvailable());
        Assert.StartsWith("libopus", OpusLibrary.Version, StringComparison.Ordinal);
    }
}
