namespace CallGateway.Media.Audio;

/// <summary>A snapshot of <see cref="JitterBuffer"/> counters (since construction) and current state.</summary>
/// <param name="Received">Packets offered to Insert.</param>
/// <param name="Played">Frames returned as <see cref="JitterBufferPlayoutKind.Frame"/>.</param>
/// <param name="Lost">Sequence numbers never played: returned as Missing or skipped over.</param>
/// <param name="Late">Packets that arrived after their playout time.</param>
/// <param name="Duplicates">Packets already buffered.</param>
/// <param name="Discarded">Packets rejected as too large or as unconfirmed sequence jumps.</param>
/// <param name="Dropped">Buffered frames thrown away to cut the delay back to the target.</param>
/// <param name="Underruns">Times playout ran dry after having started.</param>
/// <param name="Resyncs">Resynchronisations (SSRC change, confirmed sequence jump).</param>
/// <param name="DepthFrames">Frames from the playout point to the newest packet, holes included.</param>
/// <param name="TargetDelay">Current adaptive target delay.</param>
/// <param name="Jitter">RFC 3550 interarrival jitter estimate.</param>
public readonly record struct JitterBufferStatistics(
    long Received,
    long Played,
    long Lost,
    long Late,
    long Duplicates,
    long Discarded,
    long Dropped,
    long Underruns,
    long Resyncs,
    int DepthFrames,
    TimeSpan TargetDelay,
    TimeSpan Jitter);
