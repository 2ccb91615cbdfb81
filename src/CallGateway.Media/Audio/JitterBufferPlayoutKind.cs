namespace CallGateway.Media.Audio;

/// <summary>What the caller should do for this 20 ms tick.</summary>
public enum JitterBufferPlayoutKind
{
    /// <summary>Decode the payload copied into the destination.</summary>
    Frame,

    /// <summary>
    /// The packet for this slot was lost (a later one exists). If <see cref="JitterBufferPlayout.NextIsPresent"/>, the
    /// following packet's payload is in the destination for in-band FEC (Opus decode_fec); otherwise conceal (PLC).
    /// The following packet stays queued and is returned as a normal frame on the next tick.
    /// </summary>
    Missing,

    /// <summary>
    /// Nothing to play: the buffer is (re)filling to its target delay, the sender is silent (DTX) or the network
    /// stalled. Play concealment for a frame or two, then silence or comfort noise.
    /// </summary>
    Empty,
}
