using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Audio;

public class AudioAnalysisTests
{
    [Fact]
    public void Rms_FullScaleSquareWave_IsOne()
    {
        var square = Enumerable.Range(0, 480).Select(i => i / 24 % 2 == 0 ? short.MaxValue : short.MinValue).ToArray();

        Assert.Equal(1.0, AudioAnalysis.Rms(square), 4);
        Assert.Equal(0.0, AudioAnalysis.RmsDbfs(square), 3);
    }

    [Theory]
    [InlineData(1.0, -3.01)]
    [InlineData(0.5, -9.03)]
    [InlineData(0.01, -43.01)]
    public void RmsDbfs_Sine_MatchesAmplitude(double amplitude, double expectedDb)
    {
        var sine = new ToneGenerator(48000, 1000, amplitude).Generate(4800);

        Assert.Equal(expectedDb, AudioAnalysis.RmsDbfs(sine), 1);
        Assert.Equal(amplitude / Math.Sqrt(2), AudioAnalysis.Rms(sine), 3);
    }

    [Fact]
    public void Rms_SilenceAndEmpty()
    {
        Assert.Equal(double.NegativeInfinity, AudioAnalysis.RmsDbfs(new short[160]));
        Assert.Equal(0, AudioAnalysis.Rms(ReadOnlySpan<short>.Empty));
    }

    [Fact]
    public void GoertzelPower_SeparatesTwoTones()
    {
        var a = new ToneGenerator(48000, 1000, 0.5).Generate(4800);
        var b = new ToneGenerator(48000, 2500, 0.1).Generate(4800);
        var mix = a.Zip(b, (x, y) => (short)(x + y)).ToArray();

        // A tone of peak amplitude A has mean power A²/2.
        Assert.Equal(0.125, AudioAnalysis.GoertzelPower(mix, 48000, 1000), 3);
        Assert.Equal(0.005, AudioAnalysis.GoertzelPower(mix, 48000, 2500), 4);
        Assert.True(AudioAnalysis.GoertzelPower(mix, 48000, 4000) < 1e-7);
    }

    [Fact]
    public void ToneLevelDbfs_PureTone_EqualsRmsDbfs()
    {
        var sine = new ToneGenerator(16000, 440, 0.25).Generate(16000);

        Assert.Equal(AudioAnalysis.RmsDbfs(sine), AudioAnalysis.ToneLevelDbfs(sine, 16000, 440), 1);
    }

    [Theory]
    [InlineData(48000, 440.0)]
    [InlineData(48000, 1000.5)]
    [InlineData(48000, 12345.0)]
    [InlineData(16000, 3333.3)]
    [InlineData(8000, 1020.0)]
    public void DominantFrequency_Tone_WithinHalfHertz(int rate, double frequency)
    {
        var sine = new ToneGenerator(rate, frequency, 0.3).Generate(rate / 5);

        Assert.InRange(AudioAnalysis.DominantFrequency(sine, rate), frequency - 0.5, frequency + 0.5);
    }

    [Fact]
    public void DominantFrequency_NoisyTone_FindsTone()
    {
        var rng = new Random(7);
        var sine = new ToneGenerator(16000, 700, 0.3).Generate(3200);
        var noisy = sine.Select(s => (short)(s + rng.Next(-6000, 6000))).ToArray();

        Assert.InRange(AudioAnalysis.DominantFrequency(noisy, 16000), 698, 702);
    }

    [Fact]
    public void DominantFrequency_TwoTones_ReturnsStronger()
    {
        var strong = new ToneGenerator(48000, 600, 0.4).Generate(9600);
        var weak = new ToneGenerator(48000, 1500, 0.2).Generate(9600);

        var mix = strong.Zip(weak, (x, y) => (short)(x + y)).ToArray();

        Assert.InRange(AudioAnalysis.DominantFrequency(mix, 48000), 599, 601);
    }

    [Fact]
    public void DominantFrequency_SilenceOrTooShort_IsZero()
    {
        Assert.Equal(0, AudioAnalysis.DominantFrequency(new short[960], 48000));
        Assert.Equal(0, AudioAnalysis.DominantFrequency(new short[] { 1, -1, 1 }, 48000));
    }

    [Fact]
    public void Correlation_IdenticalInvertedAndUnrelated()
    {
        var sine = new ToneGenerator(8000, 300, 0.5).Generate(8000);
        var inverted = sine.Select(s => (short)-s).ToArray();
        var rng = new Random(1);
        var noise = Enumerable.Range(0, 8000).Select(_ => (short)rng.Next(-10000, 10000)).ToArray();

        Assert.Equal(1.0, AudioAnalysis.Correlation(sine, sine), 9);
        Assert.Equal(-1.0, AudioAnalysis.Correlation(sine, inverted), 4);
        Assert.InRange(AudioAnalysis.Correlation(sine, noise), -0.05, 0.05);
        Assert.Equal(0, AudioAnalysis.Correlation(sine, new short[8000]));
        Assert.Throws<ArgumentException>(() => AudioAnalysis.Correlation(sine, noise.AsSpan(1)));
    }
}
