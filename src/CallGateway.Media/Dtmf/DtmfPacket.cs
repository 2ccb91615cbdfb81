namespace CallGateway.Media.Dtmf;

/// <summary>
/// One telephone-event RTP packet produced by <see cref="DtmfSender.TryNextPacket"/> for the current 20 ms tick.
/// </summary>
/// <param name="Digit">The key being sent.</param>
/// <param name="Event">The RFC 4733 payload; write it with <see cref="TryWritePayload"/>.</param>
/// <param name="Marker">Set the RTP marker bit: the first packet of an event (RFC 4733 section 2.5.1.2).</param>
/// <param name="TimestampOffset">
/// Samples of the audio RTP clock since the event started. All packets of an event carry the event's start timestamp
/// (RFC 4733 section 2.5.1.2), so the RTP timestamp to send is (the audio timestamp of this tick) − TimestampOffset; equivalently,
/// latch the audio timestamp when <see cref="Marker"/> is set.
/// </param>
/// <param name="SuppressAudio">Send no audio packet in this tick: the event report stands in for the audio of that interval
/// (libwebrtc does the same; sending both is allowed by RFC 4733 but confuses some receivers).</param>
/// <param name="IsRetransmission">A repeat of the final (E bit) report (RFC 4733 section 2.5.1.4).</param>
public readonly record struct DtmfPacket(char Digit, DtmfEvent Event, bool Marker, uint TimestampOffset, bool SuppressAudio, bool IsRetransmission)
{
    /// <summary>Writes the 4-byte RTP payload.</summary>
    public bool TryWritePayload(Span<byte> destination, out int written) => Event.TryWrite(destination, out written);
}
