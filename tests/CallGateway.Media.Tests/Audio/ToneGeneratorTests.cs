using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Audio;

public class ToneGeneratorTests
{
    [Fact]
    public void Fill_FrameByFrame_EqualsOneLongTone()
    {
        var whole = new ToneGenerator(48000, 1000, 0.5).Generate(48000);
        var framed = new ToneGenerator(48000, 1000, 0.5);
        var frame = new short[960];

        for (var offset = 0; offset < whole.Length; offset += frame.Length)
        {
            framed.Fill(frame);
            for (var i = 0; i < frame.Length; i++)
            {
                // The per-frame phase wrap only changes floating-point rounding: at most one LSB.
                Assert.InRange(frame[i] - whole[offset + i], -1, 1);
            }
        }
    }

    [Fact]
    public void Fill_AcrossFrames_NoPhaseJump()
    {
        var tone = new ToneGenerator(8000, 1020, 0.8);
        var frames = new short[50][];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = new short[160];
            tone.Fill(frames[i]);
        }

        var all = frames.SelectMany(f => f).ToArray();
        var maxStep = (0.8 * 32767 * 2 * Math.PI * 1020 / 8000) + 1;
        for (var i = 1; i < all.Length; i++)
        {
            Assert.True(Math.Abs(all[i] - all[i - 1]) <= maxStep, $"jump at {i}");
        }
    }

    [Theory]
    [InlineData(48000, 440, 0.5)]
    [InlineData(16000, 1000, 1.0)]
    [InlineData(8000, 3000, 0.1)]
    public void Generate_HasRequestedFrequencyAndPeak(int rate, double frequency, double amplitude)
    {
        var samples = new ToneGenerator(rate, frequency, amplitude).Generate(rate);

        Assert.InRange(samples.Max(s => Math.Abs((int)s)), (amplitude * 32767) - 600, (amplitude * 32767) + 1);
        Assert.InRange(AudioAnalysis.DominantFrequency(samples, rate), frequency - 0.5, frequency + 0.5);
        Assert.Equal(AudioAnalysis.ToDecibels(amplitude / Math.Sqrt(2)), AudioAnalysis.RmsDbfs(samples), 1);
    }

    [Fact]
    public void Generate_ZeroFrequency_IsSilence()
    {
        Assert.All(new ToneGenerator(8000, 0, 1).Generate(160), s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData(8000, 4000, 0.5)]
    [InlineData(8000, -1, 0.5)]
    [InlineData(8000, 1000, 1.5)]
    [InlineData(8000, 1000, double.NaN)]
    [InlineData(0, 1000, 0.5)]
    public void Constructor_InvalidArguments_Throw(int rate, double frequency, double amplitude)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(rate, frequency, amplitude));
    }
}
