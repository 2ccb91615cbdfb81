using CallGateway.Media.Codecs;

namespace CallGateway.Media.Tests.Codecs;

public class FirDesignTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 1.2660658777520082)] // Abramowitz and Stegun, Table 9.8
    [InlineData(5.0, 27.239871823604442)]
    public void BesselI0_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, FirDesign.BesselI0(x), 12);
    }

    [Fact]
    public void LowPass_IsSymmetricWithUnityDcGain()
    {
        var h = FirDesign.LowPass(97, 0.1, FirDesign.KaiserBeta(80));

        Assert.Equal(1.0, h.Sum(), 12);
        for (var i = 0; i < h.Length; i++)
        {
            Assert.Equal(h[i], h[h.Length - 1 - i], 15);
        }
    }

    [Fact]
    public void LowPass_StopbandMeetsDesignAttenuation()
    {
        const int rate = 48000;
        var taps = FirDesign.EstimateTaps(80, 1000, rate, 6);
        var h = FirDesign.LowPass(taps, 3600.0 / rate, FirDesign.KaiserBeta(80));

        Assert.Equal(0, taps % 6);
        Assert.True(Response(h, 1000.0 / rate) > -0.01);
        Assert.True(Response(h, 4600.0 / rate) < -75);
        Assert.True(Response(h, 12000.0 / rate) < -75);
    }

    private static double Response(double[] h, double frequency)
    {
        double re = 0, im = 0;
        for (var n = 0; n < h.Length; n++)
        {
            re += h[n] * Math.Cos(2 * Math.PI * frequency * n);
            im -= h[n] * Math.Sin(2 * Math.PI * frequency * n);
        }

        return 20 * Math.Log10(Math.Sqrt((re * re) + (im * im)));
    }
}
