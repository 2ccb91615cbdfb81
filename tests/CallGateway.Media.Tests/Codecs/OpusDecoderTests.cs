using CallGateway.Media.Audio;
using CallGateway.Media.Codecs;

namespace CallGateway.Media.Tests.Codecs;

public class OpusDecoderTests
{
    [Theory]
    [InlineData(48000, 440)]
    [InlineData(48000, 1000)]
    [InlineData(16000, 440)]
    [InlineData(16000, 1000)]
    public void Decode_SineRoundTrip_KeepsFrequencyLevelAndShape(int rate, double frequency)
    {
        var input = new ToneGenerator(rate, frequency, 0.3).Generate(rate);
        using var encoder = new OpusEncoder(rate) { Bitrate = 32000 };
        using var decoder = new OpusDecoder(rate);
        var lookahead = encoder.Lookahead;

        var decoded = EncodeDecode(encoder, decoder, input);

        // Compare the steady state after the encoder lookahead (312 samples at 48 kHz) and the codec's start-up.
        var start = rate / 5;
        var steady = decoded.AsSpan(start, rate / 2);
        Assert.InRange(AudioAnalysis.DominantFrequency(steady, rate), frequency - 2, frequency + 2);
        Assert.InRange(AudioAnalysis.RmsDbfs(steady) - AudioAnalysis.RmsDbfs(input), -1.5, 1.5);
        var aligned = AudioAnalysis.Correlation(input.AsSpan(start - lookahead, rate / 2), steady);
        Assert.True(aligned > 0.95, $"correlation with the input delayed by the lookahead: {aligned:F3}");
    }

    [Theory]
    [InlineData(48000, 32000)]
    [InlineData(16000, 24000)]
    public void DecodeFec_LostPacket_RecoversBetterThanConcealment(int rate, int bitrate)
    {
        // SILK only adds LBRR to frames its VAD calls active speech (a steady sine is soon treated as background
        // noise), so the signal is a tone with a syllable-rate envelope.
        using var encoder = new OpusEncoder(rate) { Bitrate = bitrate, InbandFec = true, PacketLossPercent = 20, SignalVoice = true };
        var packets = EncodePackets(encoder, SpeechLikeSignal(rate, 3));
        double fecSum = 0, plcSum = 0;
        int trials = 0, recovered = 0;

        for (var lost = 10; lost < packets.Count - 1; lost += 3, trials++)
        {
            var reference = DecodeWithLoss(packets, rate, lost, LossRecovery.None);
            var fec = DecodeWithLoss(packets, rate, lost, LossRecovery.Fec);
            var plc = DecodeWithLoss(packets, rate, lost, LossRecovery.Plc);
            var fecCorrelation = AudioAnalysis.Correlation(reference, fec);
            var plcCorrelation = AudioAnalysis.Correlation(reference, plc);

            // Without LBRR in the next packet libopus conceals, so FEC is never worse than PLC.
            Assert.True(fecCorrelation >= plcCorrelation - 0.01, $"frame {lost}: FEC {fecCorrelation:F3} < PLC {plcCorrelation:F3}");
            if (fecCorrelation > 0.98)
            {
                recovered++;
                Assert.InRange(AudioAnalysis.RmsDbfs(fec) - AudioAnalysis.RmsDbfs(reference), -1.5, 1.5);
                Assert.InRange(AudioAnalysis.DominantFrequency(fec, rate), 430, 450);
            }

            fecSum += fecCorrelation;
            plcSum += plcCorrelation;
        }

        Assert.True(recovered >= trials * 2 / 3, $"{recovered} of {trials} frames recovered from LBRR");
        Assert.True(fecSum / trials > (plcSum / trials) + 0.05, $"FEC {fecSum / trials:F3} vs PLC {plcSum / trials:F3}");
    }

    [Fact]
    public void DecodeFec_PacketWithoutLbrr_FallsBackToConcealment()
    {
        using var encoder = new OpusEncoder(48000) { Bitrate = 32000, InbandFec = false };
        var packets = EncodePackets(encoder, new ToneGenerator(48000, 440, 0.3), 30);

        var fec = DecodeWithLoss(packets, 48000, 20, LossRecovery.Fec);
        var plc = DecodeWithLoss(packets, 48000, 20, LossRecovery.Plc);

        Assert.Equal(plc, fec);
    }

    [Fact]
    public void DecodeFec_CorruptNextPacket_ConcealsInsteadOfThrowing()
    {
        using var encoder = new OpusEncoder(16000) { Bitrate = 24000, InbandFec = true, PacketLossPercent = 20 };
        var packets = EncodePackets(encoder, new ToneGenerator(16000, 440, 0.3), 30);
        packets[21] = [0x03];

        var fec = DecodeWithLoss(packets, 16000, 20, LossRecovery.Fec);
        var plc = DecodeWithLoss(packets, 16000, 20, LossRecovery.Plc);

        Assert.Equal(plc, fec);
    }

    [Fact]
    public void Conceal_AfterTone_ContinuesToneThenFades()
    {
        using var encoder = new OpusEncoder(48000) { Bitrate = 32000 };
        using var decoder = new OpusDecoder(48000);
        var pcm = new short[960];
        foreach (var packet in EncodePackets(encoder, new ToneGenerator(48000, 440, 0.3), 25))
        {
            decoder.Decode(packet, pcm);
        }

        var levels = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(960, decoder.Conceal(pcm, 960));
            if (i == 0)
            {
                Assert.InRange(AudioAnalysis.DominantFrequency(pcm, 48000), 420, 460);
            }

            levels.Add(AudioAnalysis.RmsDbfs(pcm));
        }

        Assert.True(levels[0] > -20, $"first concealed frame at {levels[0]:F1} dBFS");
        Assert.True(levels[^1] < levels[0] - 10, "long losses must fade out rather than buzz");
    }

    // RFC 6716 section 3.4 lists the requirements a packet must meet; each row violates one.
    [Theory]
    [InlineData("03")]           // [R6]/[R7]: code 3 without the frame-count byte
    [InlineData("0300")]         // [R5]: code 3 with zero frames
    [InlineData("02")]           // [R4]: code 2 without the first frame's length
    [InlineData("02FC")]         // [R4]: two-byte length with the second byte missing
    [InlineData("020A0102")]     // [R4]: first frame longer than the packet
    [InlineData("0100")]         // [R3]: code 1 with an odd number of data bytes
    public void TryDecode_CorruptPacket_ReturnsFalseAndLeavesStateIntact(string hex)
    {
        using var encoder = new OpusEncoder(48000) { Bitrate = 32000 };
        var packets = EncodePackets(encoder, new ToneGenerator(48000, 440, 0.3), 12);
        using var clean = new OpusDecoder(48000);
        using var hit = new OpusDecoder(48000);
        var a = new short[960];
        var b = new short[960];
        for (var i = 0; i < 10; i++)
        {
            clean.Decode(packets[i], a);
            hit.Decode(packets[i], b);
        }

        Assert.False(hit.TryDecode(Convert.FromHexString(hex), b, out var samples));
        Assert.Equal(0, samples);
        Assert.Equal(OpusError.InvalidPacket, hit.LastError);

        clean.Decode(packets[10], a);
        Assert.True(hit.TryDecode(packets[10], b, out samples));
        Assert.Equal(960, samples);
        Assert.Equal(OpusError.Ok, hit.LastError);
        Assert.Equal(a, b);
    }

    [Fact]
    public void TryDecode_OversizePacket_ReturnsFalse()
    {
        using var decoder = new OpusDecoder(48000);
        var packet = new byte[1300]; // code 0 frame of 1299 bytes exceeds the 1275-byte limit ([R2])

        Assert.False(decoder.TryDecode(packet, new short[5760], out _));
        Assert.Equal(OpusError.InvalidPacket, decoder.LastError);
    }

    [Fact]
    public void TryDecode_EmptyPacket_ReturnsFalseInsteadOfConcealing()
    {
        using var decoder = new OpusDecoder(16000);

        Assert.False(decoder.TryDecode(ReadOnlySpan<byte>.Empty, new short[320], out var samples));
        Assert.Equal(0, samples);
    }

    [Fact]
    public void TryDecode_BufferTooSmall_ReturnsFalse()
    {
        using var encoder = new OpusEncoder(48000);
        var packet = EncodePackets(encoder, new ToneGenerator(48000, 440, 0.3), 1)[0];
        using var decoder = new OpusDecoder(48000);

        Assert.False(decoder.TryDecode(packet, new short[480], out _));
        Assert.Equal(OpusError.BufferTooSmall, decoder.LastError);
    }

    [Fact]
    public void Decode_CorruptPacket_ThrowsOpusException()
    {
        using var decoder = new OpusDecoder(48000);

        var ex = Assert.Throws<OpusException>(() => decoder.Decode([0x03], new short[960]));

        Assert.Equal(OpusError.InvalidPacket, ex.Error);
    }

    [Fact]
    public void TryDecode_RandomAndMutatedPackets_NeverThrow()
    {
        using var encoder = new OpusEncoder(16000) { Bitrate = 24000 };
        var valid = EncodePackets(encoder, new ToneGenerator(16000, 440, 0.3), 20);
        using var decoder = new OpusDecoder(16000);
        var pcm = new short[16000 * 120 / 1000];
        var rng = new Random(4733);
        var accepted = 0;

        for (var i = 0; i < 20_000; i++)
        {
            byte[] packet;
            if (i % 2 == 0)
            {
                packet = new byte[rng.Next(0, 400)];
                rng.NextBytes(packet);
            }
            else
            {
                packet = (byte[])valid[rng.Next(valid.Count)].Clone();
                packet[rng.Next(packet.Length)] ^= (byte)(1 << rng.Next(8));
            }

            if (decoder.TryDecode(packet, pcm, out var samples))
            {
                accepted++;
                Assert.InRange(samples, 40, 1920);
            }
        }

        Assert.InRange(accepted, 1, 19_999);
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterUseThrows()
    {
        var decoder = new OpusDecoder(48000);

        decoder.Dispose();
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => decoder.Conceal(new short[960], 960));
    }

    [Theory]
    [InlineData(44100, 1)]
    [InlineData(48000, 3)]
    [InlineData(48000, 0)]
    public void Constructor_InvalidArguments_Throw(int rate, int channels)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusDecoder(rate, channels));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)] // not a multiple of 2.5 ms (120 samples at 48 kHz)
    [InlineData(6000)] // more than 120 ms
    public void Conceal_InvalidFrameSize_Throws(int frameSamples)
    {
        using var decoder = new OpusDecoder(48000);

        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Conceal(new short[8000], frameSamples));
    }

    [Fact]
    public void Stereo_RoundTrip_KeepsChannelsApart()
    {
        var left = new ToneGenerator(48000, 440, 0.3).Generate(48000);
        var right = new ToneGenerator(48000, 1000, 0.3).Generate(48000);
        var interleaved = new short[96000];
        for (var i = 0; i < 48000; i++)
        {
            interleaved[2 * i] = left[i];
            interleaved[(2 * i) + 1] = right[i];
        }

        using var encoder = new OpusEncoder(48000, 2, OpusApplication.Audio) { Bitrate = 64000 };
        using var decoder = new OpusDecoder(48000, 2);
        var decoded = EncodeDecode(encoder, decoder, interleaved);

        var decodedLeft = decoded.Where((_, i) => i % 2 == 0).Skip(9600).ToArray();
        var decodedRight = decoded.Where((_, i) => i % 2 == 1).Skip(9600).ToArray();
        Assert.InRange(AudioAnalysis.DominantFrequency(decodedLeft, 48000), 438, 442);
        Assert.InRange(AudioAnalysis.DominantFrequency(decodedRight, 48000), 998, 1002);
    }

    internal enum LossRecovery
    {
        None,
        Fec,
        Plc,
    }

    internal static List<byte[]> EncodePackets(OpusEncoder encoder, ToneGenerator tone, int count)
    {
        var packets = new List<byte[]>();
        var pcm = new short[encoder.FrameSamples];
        var buffer = new byte[OpusEncoder.MaxPacketSize];
        for (var i = 0; i < count; i++)
        {
            tone.Fill(pcm);
            packets.Add(buffer.AsSpan(0, encoder.Encode(pcm, buffer)).ToArray());
        }

        return packets;
    }

    internal static List<byte[]> EncodePackets(OpusEncoder encoder, short[] signal)
    {
        var packets = new List<byte[]>();
        var buffer = new byte[OpusEncoder.MaxPacketSize];
        var frame = encoder.FrameSamples * encoder.Channels;
        for (var offset = 0; offset + frame <= signal.Length; offset += frame)
        {
            packets.Add(buffer.AsSpan(0, encoder.Encode(signal.AsSpan(offset, frame), buffer)).ToArray());
        }

        return packets;
    }

    /// <summary>440 Hz plus its octave with a 3 Hz (syllable rate) envelope, peaking at about -8 dBFS.</summary>
    internal static short[] SpeechLikeSignal(int rate, int seconds)
    {
        var signal = new short[rate * seconds];
        for (var i = 0; i < signal.Length; i++)
        {
            var t = (double)i / rate;
            var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 3 * t));
            signal[i] = (short)(9000 * envelope * (Math.Sin(2 * Math.PI * 440 * t) + (0.3 * Math.Sin(2 * Math.PI * 880 * t))));
        }

        return signal;
    }

    private static short[] EncodeDecode(OpusEncoder encoder, OpusDecoder decoder, short[] input)
    {
        var frame = encoder.FrameSamples * encoder.Channels;
        var output = new short[input.Length];
        var buffer = new byte[OpusEncoder.MaxPacketSize];
        for (var offset = 0; offset + frame <= input.Length; offset += frame)
        {
            var length = encoder.Encode(input.AsSpan(offset, frame), buffer);
            Assert.Equal(encoder.FrameSamples, decoder.Decode(buffer.AsSpan(0, length), output.AsSpan(offset, frame)));
        }

        return output;
    }

    private static short[] DecodeWithLoss(List<byte[]> packets, int rate, int lost, LossRecovery recovery)
    {
        using var decoder = new OpusDecoder(rate);
        var frame = rate / 50;
        var pcm = new short[frame];
        for (var i = 0; i < lost; i++)
        {
            decoder.Decode(packets[i], pcm);
        }

        switch (recovery)
        {
            case LossRecovery.Fec:
                Assert.Equal(frame, decoder.DecodeFec(packets[lost + 1], pcm, frame));
                break;
            case LossRecovery.Plc:
                Assert.Equal(frame, decoder.Conceal(pcm, frame));
                break;
            default:
                decoder.Decode(packets[lost], pcm);
                break;
        }

        return pcm;
    }
}
