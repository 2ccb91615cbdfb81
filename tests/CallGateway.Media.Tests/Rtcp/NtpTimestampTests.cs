using CallGateway.Media.Rtcp;

namespace CallGateway.Media.Tests.Rtcp;

public class NtpTimestampTests
{
    [Fact]
    public void FromDateTimeOffset_UnixEpoch_Is2208988800Seconds()
    {
        // 1970-01-01 is 2,208,988,800 s = 0x83AA7E80 after the NTP epoch 1900-01-01 (RFC 868 / RFC 5905 figure 4).
        Assert.Equal(0x83AA7E80_00000000ul, NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void FromDateTimeOffset_HalfSecond_FractionIsTopBit()
    {
        ulong ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));

        Assert.Equal(0x83AA7E80_80000000ul, ntp);
        Assert.Equal(0x7E808000u, NtpTimestamp.GetMiddle32(ntp));
    }

    [Fact]
    public void ToDateTimeOffset_Era1Rollover_2036()
    {
        // NTP seconds wrap to 0 at 2036-02-07T06:28:16Z (RFC 4330 §3).
        var rollover = new DateTimeOffset(2036, 2, 7, 6, 28, 16, TimeSpan.Zero);

        Assert.Equal(0ul, NtpTimestamp.FromDateTimeOffset(rollover));
        Assert.Equal(rollover, NtpTimestamp.ToDateTimeOffset(0));
        Assert.Equal(rollover.AddSeconds(-1), NtpTimestamp.ToDateTimeOffset(0xFFFFFFFF_00000000));
    }

    [Fact]
    public void RoundTrip_CurrentEra_WithinOneTick()
    {
        var time = new DateTimeOffset(2026, 11, 24, 22, 26, 40, 123, TimeSpan.Zero).AddTicks(4567);

        DateTimeOffset back = NtpTimestamp.ToDateTimeOffset(NtpTimestamp.FromDateTimeOffset(time));

        Assert.InRange((time - back).Ticks, 0, 1);
    }

    [Theory]
    [InlineData(5.25, 0x00054000u)]
    [InlineData(0, 0u)]
    [InlineData(-1, 0u)]
    [InlineData(70000, uint.MaxValue)]
    public void ToShortUnits_Seconds_InSixteenSixteenFixedPoint(double seconds, uint expected)
    {
        Assert.Equal(expected, NtpTimestamp.ToShortUnits(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Now_UsesTimeProviderWallclock()
    {
        var provider = new FixedTimeProvider(DateTimeOffset.UnixEpoch.AddSeconds(1));

        Assert.Equal(0x83AA7E81_00000000ul, NtpTimestamp.Now(provider));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
