namespace CallGateway.Media.Dtmf;

/// <summary>A received DTMF key press, reported once by <see cref="DtmfReceiver"/>.</summary>
/// <param name="Digit">The key: '0'-'9', '*', '#', 'A'-'D'.</param>
/// <param name="RtpTimestamp">The event's RTP timestamp (its start), which identifies it (RFC 4733 section 2.5.2).</param>
/// <param name="DurationSamples">The last reported duration in event-clock units.</param>
/// <param name="Duration">The same duration as time.</param>
/// <param name="Volume">The last reported power level in -dBm0.</param>
/// <param name="EndReceived">
/// True if an end (E bit) report arrived; false if the event was closed because its updates stopped or a newer event
/// began (all end packets lost), in which case the duration may be short.
/// </param>
public readonly record struct DtmfDigitEvent(char Digit, uint RtpTimestamp, ushort DurationSamples, TimeSpan Duration, byte Volume, bool EndReceived);
