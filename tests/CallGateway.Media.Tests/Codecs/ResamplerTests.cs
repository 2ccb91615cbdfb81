using CallGateway.Media.Audio;
using CallGateway.Media.Codecs;

namespace CallGateway.Media.Tests.Codecs;

public class ResamplerTests
{
    private const double Amplitude = 0.5;

    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(16000, 48000)]
    [InlineData(48000, 8000)]
    [InlineData(8000, 48000)]
    [InlineData(16000, 8000)]
    [InlineData(8000, 16000)]
    public void Process_1kHzTone_KeepsFrequencyAndLevel(int inputRate, int outputRate)
    {
        var output = ConvertInFrames(new ToneGenerator(inputRate, 1000, Amplitude).Generate(inputRate), inputRate, outputRate);

        Assert.Equal(outputRate, output.Length);
        var steady = output.AsSpan(outputRate / 10); // skip the filter's start-up transient
        Assert.InRange(AudioAnalysis.DominantFrequency(steady, outputRate), 999, 1001);
        Assert.InRange(AudioAnalysis.RmsDbfs(steady) - AudioAnalysis.ToDecibels(Amplitude / Math.Sqrt(2)), -0.2, 0.2);
    }

    [Fact]
    public void Process_48kTo16kTo48k_1kHzToneSurvivesWithin1Db()
    {
        var input = new ToneGenerator(48000, 1000, Amplitude).Generate(48000);

        var down = ConvertInFrames(input, 48000, 16000);
        var up = ConvertInFrames(down, 16000, 48000);

        var steady = up.AsSpan(4800);
        Assert.InRange(AudioAnalysis.DominantFrequency(steady, 48000), 999, 1001);
        Assert.InRange(AudioAnalysis.RmsDbfs(steady) - AudioAnalysis.RmsDbfs(input), -1.0, 1.0);
        Assert.InRange(AudioAnalysis.ToneLevelDbfs(steady, 48000, 1000) - AudioAnalysis.RmsDbfs(input), -1.0, 1.0);
    }

    [Fact]
    public void Process_7kHzTo8k_IsStronglyAttenuated()
    {
        // 7 kHz is above the 4 kHz Nyquist limit of 8 kHz audio; without filtering it would alias to 1 kHz at full level.
        var input = new ToneGenerator(48000, 7000, Amplitude).Generate(48000);

        var output = ConvertInFrames(input, 48000, 8000);

        var steady = output.AsSpan(800);
        var attenuation = AudioAnalysis.RmsDbfs(input) - AudioAnalysis.RmsDbfs(steady);
        Assert.True(attenuation > 60, $"attenuation {attenuation:F1} dB");
    }

    [Fact]
    public void Process_3kHzTo8k_TelephoneBandPassesWithin1Db()
    {
        var input = new ToneGenerator(48000, 3000, Amplitude).Generate(48000);

        var output = ConvertInFrames(input, 48000, 8000);

        var steady = output.AsSpan(800);
        Assert.InRange(AudioAnalysis.RmsDbfs(steady) - AudioAnalysis.RmsDbfs(input), -1.0, 1.0);
        Assert.InRange(AudioAnalysis.DominantFrequency(steady, 8000), 2998, 3002);
    }

    [Fact]
    public void Process_8kTo48k_SuppressesImages()
    {
        // Zero-stuffing a 1 kHz tone at 8 kHz creates images at 7, 9, 15, 17 ... kHz; the interpolation filter removes them.
        var output = ConvertInFrames(new ToneGenerator(8000, 1000, Amplitude).Generate(8000), 8000, 48000);

        var steady = output.AsSpan(4800);
        var tone = AudioAnalysis.ToneLevelDbfs(steady, 48000, 1000);
        foreach (var image in new[] { 7000.0, 9000, 15000, 17000 })
        {
            Assert.True(tone - AudioAnalysis.ToneLevelDbfs(steady, 48000, image) > 60, $"image at {image} Hz");
        }
    }

    [Theory]
    [InlineData(48000, 8000, 960)]
    [InlineData(48000, 16000, 7)] // odd chunks: the decimation phase must carry over between calls
    [InlineData(16000, 48000, 320)]
    [InlineData(8000, 16000, 13)]
    public void Process_InChunks_EqualsOneShot(int inputRate, int outputRate, int chunk)
    {
        var rng = new Random(42);
        var input = new short[inputRate / 2];
        var tone = new ToneGenerator(inputRate, 440, 0.3).Generate(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (short)(tone[i] + rng.Next(-2000, 2000));
        }

        var oneShot = new short[new Resampler(inputRate, outputRate).GetMaxOutputLength(input.Length)];
        var oneShotCount = new Resampler(inputRate, outputRate).Process(input, oneShot);

        var chunked = ConvertInChunks(input, inputRate, outputRate, chunk);

        Assert.Equal(oneShot.AsSpan(0, oneShotCount).ToArray(), chunked);
    }

    [Fact]
    public void Process_FrameBoundaries_NoDiscontinuity()
    {
        var output = ConvertInFrames(new ToneGenerator(16000, 1000, Amplitude).Generate(16000), 16000, 48000);

        // A sine's largest step between samples is A·2π·f/fs; a click at a frame boundary would exceed it.
        var maxStep = Amplitude * 32767 * 2 * Math.PI * 1000 / 48000 * 1.05;
        for (var i = 4800; i < output.Length; i++)
        {
            Assert.True(Math.Abs(output[i] - output[i - 1]) <= maxStep, $"step at sample {i}");
        }
    }

    [Fact]
    public void Process_SameRate_CopiesInput()
    {
        var input = new short[] { 1, -2, 3, short.MaxValue };
        var output = new short[4];

        var written = new Resampler(16000, 16000).Process(input, output);

        Assert.Equal(4, written);
        Assert.Equal(input, output);
    }

    [Fact]
    public void Process_FullScaleInput_Saturates()
    {
        var input = Enumerable.Repeat(short.MaxValue, 960).Concat(Enumerable.Repeat(short.MinValue, 960)).ToArray();
        var output = ConvertInFrames(input, 48000, 16000);

        // Gibbs overshoot at the step must clip, not wrap around.
        Assert.Contains(output, s => s == short.MaxValue || s > 32000);
        Assert.DoesNotContain(output.Skip(100).Take(200), s => s < 0);
    }

    [Fact]
    public void Reset_ForgetsHistory()
    {
        var resampler = new Resampler(48000, 16000);
        var tone = new ToneGenerator(48000, 1000, Amplitude).Generate(960);
        var first = new short[320];
        var again = new short[320];

        resampler.Process(tone, first);
        resampler.Reset();
        resampler.Process(tone, again);

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(48000, 44100)]
    [InlineData(8000, 8000 * 13)]
    [InlineData(0, 8000)]
    public void Constructor_UnsupportedRatio_Throws(int inputRate, int outputRate)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Resampler(inputRate, outputRate));
    }

    [Fact]
    public void Process_OutputTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Resampler(16000, 48000).Process(new short[320], new short[959]));
    }

    private static short[] ConvertInFrames(short[] input, int inputRate, int outputRate) =>
        ConvertInChunks(input, inputRate, outputRate, inputRate / 50);

    private static short[] ConvertInChunks(short[] input, int inputRate, int outputRate, int chunk)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var output = new List<short>();
        var buffer = new short[resampler.GetMaxOutputLength(chunk)];
        for (var offset = 0; offset < input.Length; offset += chunk)
        {
            var length = Math.Min(chunk, input.Length - offset);
            var written = resampler.Process(input.AsSpan(offset, length), buffer);
            output.AddRange(buffer.AsSpan(0, written));
        }

        return [.. output];
    }
}
