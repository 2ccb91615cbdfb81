namespace CallGateway.Media.Codecs;

/// <summary>libopus result codes (opus_defines.h); negative values returned by the native API.</summary>
public enum OpusError
{
    /// <summary>No error.</summary>
    Ok = 0,

    /// <summary>One or more invalid or out-of-range arguments.</summary>
    BadArgument = -1,

    /// <summary>The output buffer is too small (e.g. a 120 ms packet into a 20 ms PCM buffer).</summary>
    BufferTooSmall = -2,

    /// <summary>An internal libopus error.</summary>
    InternalError = -3,

    /// <summary>The compressed data is corrupt or not an Opus packet (RFC 6716 section 3.4 violations).</summary>
    InvalidPacket = -4,

    /// <summary>The request number is not implemented by this libopus.</summary>
    Unimplemented = -5,

    /// <summary>The encoder or decoder state is invalid or already freed.</summary>
    InvalidState = -6,

    /// <summary>Memory allocation failed.</summary>
    AllocationFailed = -7,
}
