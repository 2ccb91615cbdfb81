using System.Buffers;

namespace CallGateway.Media.Audio;

/// <summary>
/// Level and frequency measurements on 16-bit PCM, used by tests and diagnostics ("the peer heard a 1 kHz tone at
/// -9 dBFS").
/// </summary>
/// <remarks>
/// Levels are relative to full scale 32768: <see cref="Rms"/> of a full-scale square wave is 1.0, a full-scale sine
/// reads 0.707 (-3.01 dBFS). <see cref="GoertzelPower"/> uses the same scale, so for a pure tone it equals
/// <see cref="Rms"/> squared. Stateless and thread-safe.
/// </remarks>
public static class AudioAnalysis
{
    private const double FullScale = 32768.0;
    private const int MaxFftLength = 1 << 16;

    /// <summary>Root-mean-square level as a fraction of full scale (0..1); 0 for an empty span.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length) / FullScale;
    }

    /// <summary>RMS level in dBFS (20·log10 of <see cref="Rms"/>); negative infinity for digital silence.</summary>
    public static double RmsDbfs(ReadOnlySpan<short> samples) => ToDecibels(Rms(samples));

    /// <summary>Converts a linear amplitude ratio to decibels (20·log10); negative infinity for 0.</summary>
    public static double ToDecibels(double amplitudeRatio) =>
        amplitudeRatio > 0 ? 20 * Math.Log10(amplitudeRatio) : double.NegativeInfinity;

    /// <summary>
    /// Mean power of the sinusoidal component at <paramref name="frequencyHz"/> (Goertzel algorithm, i.e. one DFT term at
    /// an arbitrary frequency), in full-scale units: a tone of peak amplitude A (fraction of full scale) gives A²/2.
    /// </summary>
    public static double GoertzelPower(ReadOnlySpan<short> samples, int sampleRate, double frequencyHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (samples.IsEmpty)
        {
            return 0;
        }

        var omega = 2 * Math.PI * frequencyHz / sampleRate;
        var coefficient = 2 * Math.Cos(omega);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = (sample / FullScale) + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        // |X(ω)|² from the final two states; a tone of amplitude A gives |X| ≈ N·A/2.
        var magnitudeSquared = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        var n = (double)samples.Length;
        return 2 * Math.Max(magnitudeSquared, 0) / (n * n);
    }

    /// <summary>Level of the component at <paramref name="frequencyHz"/> in dBFS, comparable with <see cref="RmsDbfs"/>.</summary>
    public static double ToneLevelDbfs(ReadOnlySpan<short> samples, int sampleRate, double frequencyHz) =>
        ToDecibels(Math.Sqrt(GoertzelPower(samples, sampleRate, frequencyHz)));

    /// <summary>
    /// Estimates the frequency of the strongest spectral peak (Hann-windowed, zero-padded FFT with Gaussian
    /// interpolation of the peak; accurate to well under 1 Hz for a steady tone of 100 ms or more). Uses at most the
    /// first 65536 samples. Returns 0 for silence or fewer than 16 samples.
    /// </summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var count = Math.Min(samples.Length, MaxFftLength);
        if (count < 16)
        {
            return 0;
        }

        // Zero-pad to at least twice the length: finer bins make the peak interpolation more accurate.
        var length = (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count) * 2, MaxFftLength * 2);
        var real = ArrayPool<double>.Shared.Rent(length);
        var imaginary = ArrayPool<double>.Shared.Rent(length);
        try
        {
            var re = real.AsSpan(0, length);
            var im = imaginary.AsSpan(0, length);
            re.Clear();
            im.Clear();
            for (var i = 0; i < count; i++)
            {
                var hann = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (count - 1)));
                re[i] = samples[i] * hann;
            }

            Fft.Forward(re, im);
            return PeakFrequency(re, im, sampleRate);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(real);
            ArrayPool<double>.Shared.Return(imaginary);
        }
    }

    /// <summary>
    /// Normalised cross-correlation (Pearson, means removed) of two equally long signals: 1 for identical shapes, 0 for
    /// unrelated ones. Returns 0 if either is constant.
    /// </summary>
    public static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Both signals must have the same length.", nameof(b));
        }

        if (a.IsEmpty)
        {
            return 0;
        }

        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double cross = 0, energyA = 0, energyB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            cross += da * db;
            energyA += da * da;
            energyB += db * db;
        }

        return energyA > 0 && energyB > 0 ? cross / Math.Sqrt(energyA * energyB) : 0;
    }

    private static double PeakFrequency(Span<double> re, Span<double> im, int sampleRate)
    {
        var length = re.Length;
        var half = length / 2;
        var best = 0;
        var bestPower = 0.0;

        // Power spectrum into re[0..half]; skip the DC bins, which the Hann window spreads over bins 0..2.
        for (var k = 0; k <= half; k++)
        {
            re[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }

        for (var k = 3; k < half; k++)
        {
            if (re[k] > bestPower)
            {
                bestPower = re[k];
                best = k;
            }
        }

        if (best == 0 || bestPower <= 0)
        {
            return 0;
        }

        // Gaussian interpolation: a parabola through the log-power of the peak bin and its neighbours.
        var left = Math.Log(Math.Max(re[best - 1], double.Epsilon));
        var center = Math.Log(bestPower);
        var right = Math.Log(Math.Max(re[best + 1], double.Epsilon));
        var denominator = left - (2 * center) + right;
        var offset = denominator == 0 ? 0 : 0.5 * (left - right) / denominator;
        return (best + offset) * sampleRate / length;
    }
}
