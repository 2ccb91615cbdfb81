namespace CallGateway.Media.Dtmf;

/// <summary>Settings for <see cref="DtmfSender"/>; the defaults match Chromium's <c>insertDTMF(digits, 100, 70)</c>.</summary>
public sealed class DtmfSenderOptions
{
    /// <summary>
    /// Clock rate of the negotiated telephone-event payload type; the duration field counts in these units
    /// (RFC 4733 section 2.3.5). Meta offers telephone-event/8000 on PT 126 and telephone-event/48000 on PT 110.
    /// </summary>
    public int EventClockRate { get; init; } = 8000;

    /// <summary>
    /// Clock rate of the RTP stream's timestamps (the audio codec's, 48000 for Opus). Events share the audio SSRC and
    /// timestamp space, so <see cref="DtmfPacket.TimestampOffset"/> is expressed in these units.
    /// </summary>
    public int AudioClockRate { get; init; } = 48000;

    /// <summary>Tone length per digit (40 ms to 6 s, and at most 65535 event-clock ticks).</summary>
    public TimeSpan ToneDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Silence between the end of one tone and the start of the next (at least 30 ms).</summary>
    public TimeSpan InterDigitGap { get; init; } = TimeSpan.FromMilliseconds(70);

    /// <summary>Power level in -dBm0 (0-63) written into every report; 10 means -10 dBm0.</summary>
    public byte Volume { get; init; } = 10;

    /// <summary>Interval between updates: the media session's tick (RFC 4733 section 2.5.1.2 suggests the audio packet time).</summary>
    public TimeSpan PacketTime { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Most digits that may wait in the queue; <see cref="DtmfSender.Enqueue"/> rejects more.</summary>
    public int MaxQueuedDigits { get; init; } = 64;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EventClockRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AudioClockRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Volume, DtmfEvent.MaxVolume);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxQueuedDigits);
        if (PacketTime < TimeSpan.FromMilliseconds(5) || PacketTime > TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentOutOfRangeException(nameof(PacketTime), PacketTime, "Packet time must be 5-100 ms.");
        }

        if (ToneDuration < TimeSpan.FromMilliseconds(40) || ToneDuration > TimeSpan.FromSeconds(6))
        {
            throw new ArgumentOutOfRangeException(nameof(ToneDuration), ToneDuration, "Tone duration must be 40 ms to 6 s.");
        }

        if (ToneDuration.TotalSeconds * EventClockRate > ushort.MaxValue)
        {
            // Longer tones need RFC 4733 section 2.5.1.3 segmentation, which no DTMF use here requires.
            throw new ArgumentOutOfRangeException(nameof(ToneDuration), ToneDuration, "The tone does not fit the 16-bit duration field at this clock rate.");
        }

        if (InterDigitGap < TimeSpan.FromMilliseconds(30))
        {
            throw new ArgumentOutOfRangeException(nameof(InterDigitGap), InterDigitGap, "The inter-digit gap must be at least 30 ms.");
        }
    }
}
