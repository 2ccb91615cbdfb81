namespace CallGateway.Media.Audio;

/// <summary>In-place iterative radix-2 complex FFT (Cooley-Tukey, decimation in time), for analysis helpers only.</summary>
internal static class Fft
{
    public static void Forward(Span<double> real, Span<double> imaginary)
    {
        var n = real.Length;
        if (n != imaginary.Length || n == 0 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException("The FFT length must be a power of two and both parts must have the same length.");
        }

        BitReverse(real, imaginary);
        for (var size = 2; size <= n; size <<= 1)
        {
            var half = size / 2;
            var angle = -2 * Math.PI / size;
            for (var k = 0; k < half; k++)
            {
                var wr = Math.Cos(angle * k);
                var wi = Math.Sin(angle * k);
                for (var start = 0; start < n; start += size)
                {
                    var a = start + k;
                    var b = a + half;
                    var tr = (wr * real[b]) - (wi * imaginary[b]);
                    var ti = (wr * imaginary[b]) + (wi * real[b]);
                    real[b] = real[a] - tr;
                    imaginary[b] = imaginary[a] - ti;
                    real[a] += tr;
                    imaginary[a] += ti;
                }
            }
        }
    }

    private static void BitReverse(Span<double> real, Span<double> imaginary)
    {
        var n = real.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (real[i], real[j]) = (real[j], real[i]);
                (imaginary[i], imaginary[j]) = (imaginary[j], imaginary[i]);
            }
        }
    }
}
