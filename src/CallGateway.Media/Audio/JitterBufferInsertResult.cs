namespace CallGateway.Media.Audio;

/// <summary>What <see cref="JitterBuffer.Insert(uint, ushort, uint, ReadOnlySpan{byte})"/> did with a packet.</summary>
public enum JitterBufferInsertResult
{
    /// <summary>Buffered for playout.</summary>
    Inserted,

    /// <summary>Buffered after the buffer resynchronised to a new SSRC or a confirmed sequence jump.</summary>
    Resynchronized,

    /// <summary>Already buffered; dropped.</summary>
    Duplicate,

    /// <summary>Its playout time has passed (played, concealed or skipped); dropped.</summary>
    Late,

    /// <summary>A sequence jump not (yet) confirmed by a following packet; dropped.</summary>
    OutOfRange,

    /// <summary>Bigger than the configured maximum payload; dropped.</summary>
    TooLarge,
}
