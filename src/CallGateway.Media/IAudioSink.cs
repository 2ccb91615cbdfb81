namespace CallGateway.Media;

/// <summary>Receives audio on the media clock thread: must copy what it needs and return quickly.</summary>
public interface IAudioSink
{
    /// <param name="direction">Received from the caller, or sent to the caller.</param>
    /// <param name="frame">One 20 ms frame; only valid during the call.</param>
    void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame);
}
