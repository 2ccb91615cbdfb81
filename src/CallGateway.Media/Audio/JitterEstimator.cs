namespace CallGateway.Media.Audio;

/// <summary>
/// RFC 3550 section 6.4.1 / appendix A.8 interarrival jitter: the smoothed mean deviation of the difference in
/// transit time between consecutive packets, J += (|D(i-1,i)| - J) / 16, in RTP timestamp units.
/// </summary>
internal sealed class JitterEstimator(int clockRate, TimeProvider timeProvider)
{
    private readonly long _epoch = timeProvider.GetTimestamp();
    private bool _hasTransit;
    private int _lastTransit;

    /// <summary>Current estimate in RTP timestamp units.</summary>
    public double Jitter { get; private set; }

    public TimeSpan JitterTime => TimeSpan.FromSeconds(Jitter / clockRate);

    /// <summary>Accounts for a packet with RTP timestamp <paramref name="rtpTimestamp"/> arriving now.</summary>
    public void Update(uint rtpTimestamp)
    {
        // Arrival time in RTP units, in exact integer arithmetic (floating point would add ±1 sample of fake jitter);
        // both clocks wrap in 32 bits, so the difference is taken modulo 2^32.
        var ticks = timeProvider.GetElapsedTime(_epoch).Ticks;
        var arrival = unchecked((uint)(((ticks / TimeSpan.TicksPerSecond) * clockRate) + ((ticks % TimeSpan.TicksPerSecond) * clockRate / TimeSpan.TicksPerSecond)));
        var transit = unchecked((int)(arrival - rtpTimestamp));
        if (_hasTransit)
        {
            var d = Math.Abs((long)unchecked(transit - _lastTransit));
            Jitter += (d - Jitter) / 16.0;
        }

        _lastTransit = transit;
        _hasTransit = true;
    }

    /// <summary>Forgets the transit reference (new stream timeline) but keeps the estimate.</summary>
    public void ResetReference() => _hasTransit = false;
}
