namespace CallGateway.Media.Audio;

/// <summary>Settings for <see cref="JitterBuffer"/>.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>RTP clock rate of the stream (48000 for Opus, RFC 7587 section 4.1).</summary>
    public int ClockRate { get; init; } = 48000;

    /// <summary>Audio per packet and per playout tick.</summary>
    public TimeSpan FrameDuration { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Smallest target delay. 20 ms reacts fastest; 40 ms absorbs the media tick's own timer jitter.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Largest target delay; a deeper buffer is cut back to the target at once.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Target delay = MinDelay + JitterMultiplier × the RFC 3550 interarrival jitter estimate.</summary>
    public double JitterMultiplier { get; init; } = 3.0;

    /// <summary>Largest accepted payload in bytes; bigger packets are discarded.</summary>
    public int MaxPayloadSize { get; init; } = 1500;

    /// <summary>
    /// A sequence number this far (or further) from the newest one is a jump, not reordering: two consecutive packets
    /// there resynchronise the buffer (RFC 3550 appendix A.1 uses the same probation idea).
    /// </summary>
    public int ResyncThreshold { get; init; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClockRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPayloadSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(ResyncThreshold, 2);
        if (FrameDuration < TimeSpan.FromMilliseconds(2.5) || FrameDuration > TimeSpan.FromMilliseconds(120))
        {
            throw new ArgumentOutOfRangeException(nameof(FrameDuration), FrameDuration, "Frames are 2.5 to 120 ms.");
        }

        if (MinDelay < FrameDuration || MaxDelay < MinDelay || MaxDelay > TimeSpan.FromSeconds(2))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "Need FrameDuration <= MinDelay <= MaxDelay <= 2 s.");
        }

        if (!(JitterMultiplier is >= 0 and <= 20))
        {
            throw new ArgumentOutOfRangeException(nameof(JitterMultiplier), JitterMultiplier, "Use 0 to 20.");
        }
    }
}
