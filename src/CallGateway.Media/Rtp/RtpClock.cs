namespace CallGateway.Media.Rtp;

/// <summary>Conversions between a monotonic time and RTP timestamp units (RFC 3550 §5.1: clock-rate ticks, mod 2^32).</summary>
public static class RtpClock
{
    /// <summary>
    /// <paramref name="time"/> (on any monotonic timeline, e.g. <c>TimeProvider.GetElapsedTime(start)</c>) in units of
    /// <paramref name="clockRate"/> Hz, wrapped to 32 bits. Exact for any span (no intermediate overflow).
    /// </summary>
    public static uint ToRtpUnits(TimeSpan time, int clockRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        long ticks = time.Ticks;
        long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long remainder);
        return unchecked((uint)((seconds * clockRate) + (remainder * clockRate / TimeSpan.TicksPerSecond)));
    }

    /// <summary>A duration expressed in RTP units of <paramref name="clockRate"/> Hz, as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan FromRtpUnits(long units, int clockRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        return TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / clockRate);
    }
}
