using CallGateway.Media.Audio;
using CallGateway.Media.Codecs;

namespace CallGateway.Media.Tests.Codecs;

public class G711Tests
{
    // ITU-T G.711 Table 2a/2b: µ-law code words are the one's complement of sign|segment|step; the 14-bit
    // reconstruction values scaled by 4 to 16 bits. 0x80/0x00 are the largest magnitudes (14-bit ±8031).
    [Theory]
    [InlineData((short)0, (byte)0xFF)]
    [InlineData((short)-1, (byte)0x7F)] // negative zero: smallest negative magnitude
    [InlineData((short)32767, (byte)0x80)]
    [InlineData((short)-32768, (byte)0x00)]
    [InlineData((short)120, (byte)0xF0)] // 14-bit 30: top of segment 0
    [InlineData((short)132, (byte)0xEF)] // first value of segment 1 (biased magnitude 264)
    [InlineData((short)-8000, (byte)0x20)] // 14-bit -2000: biased 2033 is segment 5, step 15
    public void EncodeMuLaw_KnownCodePoints_MatchTable(short sample, byte expected)
    {
        Assert.Equal(expected, G711.EncodeMuLaw(sample));
    }

    [Theory]
    [InlineData((byte)0xFF, (short)0)]
    [InlineData((byte)0x7F, (short)0)]
    [InlineData((byte)0x80, (short)32124)]
    [InlineData((byte)0x00, (short)-32124)]
    [InlineData((byte)0xF0, (short)120)]
    [InlineData((byte)0xFE, (short)8)]
    [InlineData((byte)0x7E, (short)-8)]
    public void DecodeMuLaw_KnownCodePoints_MatchTable(byte code, short expected)
    {
        Assert.Equal(expected, G711.DecodeMuLaw(code));
    }

    // A-law code words have the even bits inverted (XOR 0x55); 13-bit values scaled by 8. There is no zero code:
    // 0xD5 and 0x55 are the smallest positive and negative values (±1 in 13-bit half-steps, ±8 in 16 bits).
    [Theory]
    [InlineData((short)0, (byte)0xD5)]
    [InlineData((short)-1, (byte)0x55)]
    [InlineData((short)32767, (byte)0xAA)]
    [InlineData((short)-32768, (byte)0x2A)]
    [InlineData((short)256, (byte)0xC5)] // 13-bit 32: first value of segment 1
    [InlineData((short)-8000, (byte)0x0A)] // 13-bit -1000: one's complement 999 is segment 5, step 15
    public void EncodeALaw_KnownCodePoints_MatchTable(short sample, byte expected)
    {
        Assert.Equal(expected, G711.EncodeALaw(sample));
    }

    [Theory]
    [InlineData((byte)0xD5, (short)8)]
    [InlineData((byte)0x55, (short)-8)]
    [InlineData((byte)0xAA, (short)32256)]
    [InlineData((byte)0x2A, (short)-32256)]
    [InlineData((byte)0xC5, (short)264)]
    public void DecodeALaw_KnownCodePoints_MatchTable(byte code, short expected)
    {
        Assert.Equal(expected, G711.DecodeALaw(code));
    }

    [Fact]
    public void MuLaw_EveryCode_DecodeEncodeIsStable()
    {
        for (var code = 0; code < 256; code++)
        {
            var reencoded = G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code));

            // 0x7F is "negative zero": it decodes to 0, which encodes to the canonical 0xFF.
            Assert.Equal(code == 0x7F ? 0xFF : code, reencoded);
        }
    }

    [Fact]
    public void ALaw_EveryCode_DecodeEncodeIsStable()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
        }
    }

    [Fact]
    public void MuLaw_EverySample_ErrorWithinHalfQuantisationStep()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var decoded = G711.DecodeMuLaw(G711.EncodeMuLaw((short)x));

            // Half a step of segment s is 2^(s+2) and the biased magnitude is at least 2^(s+7): error <= (|x|+132)/32.
            Assert.True(Math.Abs(decoded - x) <= (Math.Abs(x) + 132) / 32.0, $"x={x} decoded={decoded}");
        }
    }

    [Fact]
    public void ALaw_EverySample_ErrorWithinHalfQuantisationStep()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var decoded = G711.DecodeALaw(G711.EncodeALaw((short)x));

            // Segment 0 has a fixed step of 16 (error <= 8); segment s >= 1 has error <= 2^(s+2) <= |x|/32.
            Assert.True(Math.Abs(decoded - x) <= Math.Max(8, Math.Abs(x) / 32.0), $"x={x} decoded={decoded}");
        }
    }

    [Fact]
    public void Decode_IsMonotonicInMagnitude()
    {
        // Ordering code words by linear value must give strictly increasing outputs (no table typos).
        var muLaw = Enumerable.Range(0, 256).Where(c => c != 0x7F).Select(c => (int)G711.DecodeMuLaw((byte)c)).Order().ToArray();
        var aLaw = Enumerable.Range(0, 256).Select(c => (int)G711.DecodeALaw((byte)c)).Order().ToArray();

        Assert.Equal(255, muLaw.Distinct().Count());
        Assert.Equal(256, aLaw.Distinct().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SpanRoundTrip_Sine_SignalToNoiseAbove35Db(bool muLaw)
    {
        var pcm = new ToneGenerator(8000, 1020, 0.5).Generate(8000);
        var codes = new byte[pcm.Length];
        var decoded = new short[pcm.Length];

        if (muLaw)
        {
            G711.EncodeMuLaw(pcm, codes);
            G711.DecodeMuLaw(codes, decoded);
        }
        else
        {
            G711.EncodeALaw(pcm, codes);
            G711.DecodeALaw(codes, decoded);
        }

        double signal = 0, noise = 0;
        for (var i = 0; i < pcm.Length; i++)
        {
            signal += (double)pcm[i] * pcm[i];
            noise += (double)(pcm[i] - decoded[i]) * (pcm[i] - decoded[i]);
        }

        // G.711 companding gives about 38 dB SNR over a wide range of levels.
        Assert.True(10 * Math.Log10(signal / noise) > 35);
        Assert.Equal(muLaw ? G711.EncodeMuLaw(pcm[123]) : G711.EncodeALaw(pcm[123]), codes[123]);
    }

    [Fact]
    public void SpanOverloads_LengthMismatch_Throw()
    {
        Assert.Throws<ArgumentException>(() => G711.EncodeMuLaw(new short[4], new byte[3]));
        Assert.Throws<ArgumentException>(() => G711.DecodeALaw(new byte[4], new short[5]));
    }
}
