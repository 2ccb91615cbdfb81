namespace CallGateway.Media.Audio;

/// <summary>The result of one <see cref="JitterBuffer.Playout"/> tick.</summary>
/// <param name="Kind">Frame, Missing or Empty.</param>
/// <param name="SequenceNumber">RTP sequence number of the slot played (Frame and Missing).</param>
/// <param name="Timestamp">RTP timestamp of the frame, estimated for a Missing one.</param>
/// <param name="PayloadLength">
/// Bytes written to the destination: the frame's payload, or for Missing with <paramref name="NextIsPresent"/> the
/// following packet's payload (for FEC); otherwise 0.
/// </param>
/// <param name="NextIsPresent">For Missing: the following packet is buffered, so FEC recovery is possible.</param>
public readonly record struct JitterBufferPlayout(JitterBufferPlayoutKind Kind, ushort SequenceNumber, uint Timestamp, int PayloadLength, bool NextIsPresent);
