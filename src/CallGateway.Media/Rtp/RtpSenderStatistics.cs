namespace CallGateway.Media.Rtp;

/// <summary>
/// What an RTCP sender report needs about our own stream (RFC 3550 §6.4.1): packet and payload-octet counts (32-bit,
/// wrapping) and the RTP timestamp that corresponds to the SR's wallclock time.
/// </summary>
/// <remarks>Not thread-safe: feed it from the send loop; build SRs on the same thread or under the session's lock.</remarks>
public sealed class RtpSenderStatistics
{
    /// <param name="ssrc">Our SSRC.</param>
    /// <param name="clockRate">The stream's RTP clock rate.</param>
    public RtpSenderStatistics(uint ssrc, int clockRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        Ssrc = ssrc;
        ClockRate = clockRate;
    }

    public uint Ssrc { get; }

    public int ClockRate { get; }

    /// <summary>RTP data packets sent since the start (wraps at 2^32 as the SR field does).</summary>
    public uint PacketCount { get; private set; }

    /// <summary>Payload octets sent since the start (wraps at 2^32 as the SR field does).</summary>
    public uint OctetCount { get; private set; }

    /// <summary>RTP timestamp of the last packet sent.</summary>
    public uint LastRtpTimestamp { get; private set; }

    /// <summary>When the last packet was sent (caller's monotonic timeline); null before the first.</summary>
    public TimeSpan? LastPacketTime { get; private set; }

    /// <summary>True once a packet was sent (RFC 3550 §6.4: send SR rather than RR).</summary>
    public bool HasSent => LastPacketTime.HasValue;

    /// <summary>Accounts one sent RTP packet.</summary>
    public void OnPacketSent(uint rtpTimestamp, int payloadLength, TimeSpan sendTime)
    {
        PacketCount = unchecked(PacketCount + 1);
        OctetCount = unchecked(OctetCount + (uint)Math.Max(0, payloadLength));
        LastRtpTimestamp = rtpTimestamp;
        LastPacketTime = sendTime;
    }

    /// <summary>
    /// The RTP timestamp corresponding to <paramref name="now"/>: the last packet's timestamp advanced by the
    /// elapsed time at the clock rate (RFC 3550 §6.4.1: the SR timestamp need not match any packet's).
    /// </summary>
    public uint GetRtpTimestampAt(TimeSpan now)
    {
        if (LastPacketTime is not { } last)
        {
            return LastRtpTimestamp;
        }

        TimeSpan elapsed = now - last;
        uint advance = elapsed >= TimeSpan.Zero ? RtpClock.ToRtpUnits(elapsed, ClockRate) : 0;
        return unchecked(LastRtpTimestamp + advance);
    }
}
