namespace CallGateway.Media.Codecs;

/// <summary>
/// A libopus call failed. Thrown for setup and configuration faults (create, ctl, encode of our own PCM) and by the
/// throwing <see cref="OpusDecoder.Decode"/>; the media loop uses <see cref="OpusDecoder.TryDecode"/> instead.
/// </summary>
public sealed class OpusException : Exception
{
    public OpusException()
    {
    }

    public OpusException(string message)
        : base(message)
    {
    }

    public OpusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OpusException(string operation, OpusError error)
        : base(operation + " failed: " + OpusNative.ErrorText((int)error) + " (" + error.ToString() + ")")
    {
        Error = error;
    }

    /// <summary>The libopus result code, or <see cref="OpusError.Ok"/> when the exception did not come from libopus.</summary>
    public OpusError Error { get; }
}
