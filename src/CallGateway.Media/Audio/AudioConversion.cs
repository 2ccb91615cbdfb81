using CallGateway.Media.Codecs;

namespace CallGateway.Media.Audio;

/// <summary>Whole-buffer conversions for prompts and uploaded audio: down-mix to mono, change the sample rate.</summary>
public static class AudioConversion
{
    /// <summary>Averages interleaved channels into one.</summary>
    public static short[] ToMono(ReadOnlySpan<short> interleaved, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (channels == 1)
        {
            return interleaved.ToArray();
        }

        var mono = new short[interleaved.Length / channels];
        for (var i = 0; i < mono.Length; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += interleaved[(i * channels) + c];
            }

            mono[i] = (short)(sum / channels);
        }

        return mono;
    }

    /// <summary>
    /// Converts mono audio between sample rates: integer ratios (8/16/24/48 kHz) through the windowed-sinc
    /// <see cref="Resampler"/>; other ratios (44.1 kHz files) by linear interpolation after a simple low-pass,
    /// which is adequate for prompts and speech.
    /// </summary>
    public static short[] Resample(ReadOnlySpan<short> samples, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRate, 1);
        if (fromRate == toRate)
        {
            return samples.ToArray();
        }

        var high = Math.Max(fromRate, toRate);
        var low = Math.Min(fromRate, toRate);
        if (high % low == 0 && high / low <= 12)
        {
            var resampler = new Resampler(fromRate, toRate);
            var output = new short[resampler.GetMaxOutputLength(samples.Length)];
            var written = resampler.Process(samples, output);
            return output[..written];
        }

        return Interpolate(fromRate > toRate ? LowPass(samples, fromRate / (double)toRate) : samples.ToArray(), fromRate, toRate);
    }

    private static short[] Interpolate(short[] samples, int fromRate, int toRate)
    {
        var length = (int)((long)samples.Length * toRate / fromRate);
        var output = new short[length];
        var step = fromRate / (double)toRate;
        for (var i = 0; i < length; i++)
        {
            var position = i * step;
            var index = (int)position;
            var fraction = position - index;
            var a = samples[Math.Min(index, samples.Length - 1)];
            var b = samples[Math.Min(index + 1, samples.Length - 1)];
            output[i] = (short)Math.Round(a + ((b - a) * fraction));
        }

        return output;
    }

    /// <summary>A moving average over about one output period: removes most of what would alias.</summary>
    private static short[] LowPass(ReadOnlySpan<short> samples, double ratio)
    {
        var width = Math.Max(1, (int)Math.Ceiling(ratio));
        var output = new short[samples.Length];
        long sum = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            sum += samples[i];
            if (i >= width)
            {
                sum -= samples[i - width];
            }

            output[i] = (short)(sum / Math.Min(i + 1, width));
        }

        return output;
    }
}
