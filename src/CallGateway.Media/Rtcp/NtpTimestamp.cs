namespace CallGateway.Media.Rtcp;

/// <summary>
/// 64-bit NTP timestamps as RTCP carries them (RFC 3550 §4): seconds since 1900-01-01 UTC in the high 32 bits, a
/// binary fraction in the low 32; the "short" form used by LSR/DLSR is the middle 32 bits (16.16 fixed point,
/// units of 1/65536 s).
/// </summary>
/// <remarks>
/// Era handling follows RFC 4330 §3: a seconds value with the top bit set is in era 0 (1968..2036), otherwise in
/// era 1 (2036..2104), so conversions stay correct across the 2036 rollover.
/// </remarks>
public static class NtpTimestamp
{
    /// <summary>Seconds from 1900-01-01 to 1970-01-01.</summary>
    public const long UnixEpochOffsetSeconds = 2_208_988_800;

    private const long Era1StartUnixSeconds = (1L << 32) - UnixEpochOffsetSeconds;

    /// <summary>The NTP timestamp of <paramref name="time"/>.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset time)
    {
        long unixTicks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long seconds = Math.DivRem(unixTicks, TimeSpan.TicksPerSecond, out long remainderTicks);
        if (remainderTicks < 0)
        {
            seconds--;
            remainderTicks += TimeSpan.TicksPerSecond;
        }

        ulong ntpSeconds = unchecked((ulong)(seconds + UnixEpochOffsetSeconds)) & 0xFFFF_FFFF;
        ulong fraction = ((ulong)remainderTicks << 32) / TimeSpan.TicksPerSecond;
        return (ntpSeconds << 32) | fraction;
    }

    /// <summary>Current NTP time from <paramref name="timeProvider"/>'s wallclock.</summary>
    public static ulong Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return FromDateTimeOffset(timeProvider.GetUtcNow());
    }

    /// <summary>The UTC time of an NTP timestamp (RFC 4330 era rule; 100 ns resolution).</summary>
    public static DateTimeOffset ToDateTimeOffset(ulong ntp)
    {
        long seconds = (long)(ntp >> 32);
        long unixSeconds = (seconds & 0x8000_0000) != 0
            ? seconds - UnixEpochOffsetSeconds
            : seconds + Era1StartUnixSeconds;
        long fractionTicks = (long)(((ntp & 0xFFFF_FFFF) * TimeSpan.TicksPerSecond) >> 32);
        return DateTimeOffset.UnixEpoch.AddTicks((unixSeconds * TimeSpan.TicksPerSecond) + fractionTicks);
    }

    /// <summary>The middle 32 bits (the LSR form, RFC 3550 §6.4.1).</summary>
    public static uint GetMiddle32(ulong ntp) => (uint)(ntp >> 16);

    /// <summary>A duration in units of 1/65536 s (the DLSR form), saturating at 2^32 - 1; negative gives 0.</summary>
    public static uint ToShortUnits(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }

        long seconds = Math.DivRem(duration.Ticks, TimeSpan.TicksPerSecond, out long remainder);
        if (seconds >= 65536)
        {
            return uint.MaxValue;
        }

        return (uint)((seconds << 16) + ((remainder << 16) / TimeSpan.TicksPerSecond));
    }

    /// <summary>A 1/65536 s quantity as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan FromShortUnits(uint units) =>
        TimeSpan.FromTicks((long)(((ulong)units * TimeSpan.TicksPerSecond) >> 16));
}
