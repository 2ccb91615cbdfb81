namespace CallGateway.Media.Rtp;

/// <summary>
/// Reception statistics for one remote SSRC (RFC 3550 §6.4.1 and Appendix A.1, A.3, A.8): sequence validation and
/// extension, packets and payload octets received, expected and lost packets, interarrival jitter and the last SR.
/// </summary>
/// <remarks>
/// Not thread-safe: feed it from the receive loop and read it (e.g. to build an RR) on the same thread or under the
/// session's lock. Times are <see cref="TimeSpan"/>s on one monotonic timeline chosen by the caller
/// (e.g. <c>TimeProvider.GetElapsedTime(sessionStart)</c>).
/// </remarks>
public sealed class RtpReceiverStatistics
{
    private const int MaxCumulativeLost = 0x7FFFFF;
    private const int MinCumulativeLost = -0x800000;

    private readonly RtpSequenceTracker _sequence;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _hasTransit;
    private int _transit;
    private uint _scaledJitter;

    /// <param name="ssrc">The remote source.</param>
    /// <param name="clockRate">Its RTP clock rate (48000 for Opus, RFC 7587 §4.1).</param>
    /// <param name="minSequential">Packets in sequence before the source is valid (RFC 3550 A.1 MIN_SEQUENTIAL).</param>
    public RtpReceiverStatistics(uint ssrc, int clockRate, int minSequential = RtpSequenceTracker.DefaultMinSequential)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        Ssrc = ssrc;
        ClockRate = clockRate;
        _sequence = new RtpSequenceTracker(minSequential);
    }

    public uint Ssrc { get; }

    public int ClockRate { get; }

    /// <summary>True once the source passed probation.</summary>
    public bool IsValid => _sequence.IsValid;

    /// <summary>Packets counted (after validation; duplicates and late packets included, as RFC 3550 A.3 counts them).</summary>
    public long PacketsReceived => _sequence.Received;

    /// <summary>Payload octets of the counted packets.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Cycles || highest sequence number.</summary>
    public uint ExtendedHighestSequence => _sequence.ExtendedHighestSequence;

    /// <summary>Packets expected since validation: extended highest - base + 1 (0 before validation).</summary>
    public long ExpectedPackets => IsValid ? (long)_sequence.ExtendedHighestSequence - _sequence.BaseSequence + 1 : 0;

    /// <summary>Expected minus received, unclamped (negative with duplicates).</summary>
    public long Lost => ExpectedPackets - PacketsReceived;

    /// <summary>Interarrival jitter in timestamp units (RFC 3550 A.8).</summary>
    public uint Jitter => _scaledJitter >> 4;

    /// <summary>Middle 32 bits of the NTP timestamp of the last SR received from this source; 0 if none.</summary>
    public uint LastSenderReport { get; private set; }

    /// <summary>Arrival time of that SR; null if none.</summary>
    public TimeSpan? LastSenderReportArrival { get; private set; }

    /// <summary>
    /// Accounts one received (authenticated) RTP packet.
    /// </summary>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="rtpTimestamp">Its RTP timestamp.</param>
    /// <param name="arrivalRtpTime">Its arrival time in RTP units of <see cref="ClockRate"/> (see <see cref="RtpClock.ToRtpUnits"/>).</param>
    /// <param name="payloadLength">Payload octets (without header and padding).</param>
    /// <returns>True if the packet was counted; false while on probation or for a wild sequence jump.</returns>
    public bool OnPacketReceived(ushort sequence, uint rtpTimestamp, uint arrivalRtpTime, int payloadLength)
    {
        if (!_sequence.Update(sequence))
        {
            return false;
        }

        if (_sequence.Restarted)
        {
            // RFC 3550 A.1 init_seq: interval counters restart with the sequence space.
            _expectedPrior = 0;
            _receivedPrior = 0;
            BytesReceived = 0;
        }

        BytesReceived += Math.Max(0, payloadLength);
        UpdateJitter(rtpTimestamp, arrivalRtpTime);
        return true;
    }

    /// <summary>Records an SR from this source (for the LSR/DLSR fields of our next report).</summary>
    /// <param name="ntpTimestamp">The SR's full 64-bit NTP timestamp.</param>
    /// <param name="arrivalTime">When it arrived, on the same timeline as report times.</param>
    public void OnSenderReport(ulong ntpTimestamp, TimeSpan arrivalTime)
    {
        LastSenderReport = (uint)(ntpTimestamp >> 16);
        LastSenderReportArrival = arrivalTime;
    }

    /// <summary>
    /// Takes the numbers for a reception report block and starts a new loss interval (RFC 3550 A.3): the fraction
    /// lost covers the packets since the previous call.
    /// </summary>
    public RtpReceptionReport CreateReceptionReport()
    {
        long expected = ExpectedPackets;
        long received = PacketsReceived;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        byte fraction = expectedInterval == 0 || lostInterval <= 0
            ? (byte)0
            : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        int cumulative = (int)Math.Clamp(expected - received, MinCumulativeLost, MaxCumulativeLost);
        return new RtpReceptionReport(
            Ssrc, fraction, cumulative, ExtendedHighestSequence, Jitter, LastSenderReport, LastSenderReportArrival);
    }

    // RFC 3550 A.8: J += (|D| - J) / 16, kept scaled by 16 in integers as the RFC's second variant does.
    private void UpdateJitter(uint rtpTimestamp, uint arrivalRtpTime)
    {
        int transit = unchecked((int)(arrivalRtpTime - rtpTimestamp));
        if (!_hasTransit)
        {
            _hasTransit = true;
            _transit = transit;
            return;
        }

        long d = Math.Abs((long)unchecked(transit - _transit));
        _transit = transit;
        long next = _scaledJitter + d - ((_scaledJitter + 8) >> 4);
        _scaledJitter = (uint)Math.Clamp(next, 0, uint.MaxValue);
    }
}
