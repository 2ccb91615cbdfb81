namespace CallGateway.Media.Codecs;

/// <summary>
/// Linear-phase low-pass FIR design by the windowed-sinc method with a Kaiser window (Oppenheim and Schafer, "Discrete-
/// Time Signal Processing", section 7.6: the Kaiser window trades main-lobe width for side-lobe level via beta).
/// </summary>
internal static class FirDesign
{
    /// <summary>
    /// Number of taps for a Kaiser low-pass with <paramref name="stopbandDb"/> attenuation and a transition band of
    /// <paramref name="transitionHz"/> at <paramref name="sampleRate"/> (Kaiser's formula N - 1 = (A - 7.95) / (2.285 Δω)),
    /// rounded up to a multiple of <paramref name="multiple"/> so that every polyphase branch has the same length.
    /// </summary>
    public static int EstimateTaps(double stopbandDb, double transitionHz, int sampleRate, int multiple)
    {
        var deltaOmega = 2 * Math.PI * transitionHz / sampleRate;
        var taps = (int)Math.Ceiling((stopbandDb - 7.95) / (2.285 * deltaOmega)) + 1;
        return (taps + multiple - 1) / multiple * multiple;
    }

    /// <summary>Kaiser's empirical beta for a stop-band attenuation in dB.</summary>
    public static double KaiserBeta(double stopbandDb) => stopbandDb > 50
        ? 0.1102 * (stopbandDb - 8.7)
        : stopbandDb >= 21 ? (0.5842 * Math.Pow(stopbandDb - 21, 0.4)) + (0.07886 * (stopbandDb - 21)) : 0;

    /// <summary>
    /// Designs a low-pass with cut-off <paramref name="cutoff"/> (cycles per sample, 0 &lt; cutoff &lt; 0.5) and unity
    /// DC gain.
    /// </summary>
    public static double[] LowPass(int taps, double cutoff, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taps, 2);
        if (cutoff is <= 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "Cut-off must be in (0, 0.5) cycles per sample.");
        }

        var h = new double[taps];
        var center = (taps - 1) / 2.0;
        var denominator = BesselI0(beta);
        var sum = 0.0;
        for (var n = 0; n < taps; n++)
        {
            var t = n - center;
            var sinc = t == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            var ratio = t / center;
            var window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (ratio * ratio)))) / denominator;
            h[n] = sinc * window;
            sum += h[n];
        }

        for (var n = 0; n < taps; n++)
        {
            h[n] /= sum;
        }

        return h;
    }

    /// <summary>Zeroth-order modified Bessel function of the first kind, by its power series.</summary>
    public static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var halfX = x / 2;
        for (var k = 1; k < 64; k++)
        {
            term *= halfX / k;
            var squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
