using System.Numerics;
using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpClockTests
{
    [Theory]
    [InlineData(1.5, 48000, 72000u)]
    [InlineData(0.02, 48000, 960u)]
    [InlineData(0.02, 8000, 160u)]
    public void ToRtpUnits_SimpleSpans_Exact(double seconds, int clockRate, uint expected)
    {
        Assert.Equal(expected, RtpClock.ToRtpUnits(TimeSpan.FromSeconds(seconds), clockRate));
    }

    [Fact]
    public void ToRtpUnits_LongUptime_WrapsModulo2To32WithoutOverflow()
    {
        TimeSpan uptime = TimeSpan.FromDays(20_000) + TimeSpan.FromTicks(1234567);
        var exact = (BigInteger)uptime.Ticks * 48000 / TimeSpan.TicksPerSecond;

        Assert.Equal((uint)(exact % (BigInteger.One << 32)), RtpClock.ToRtpUnits(uptime, 48000));
    }

    [Fact]
    public void FromRtpUnits_OneFrame_Is20Milliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(20), RtpClock.FromRtpUnits(960, 48000));
    }
}
