namespace CallGateway.Media;

/// <summary>Supplies audio to send, one 20 ms frame at a time, on the media clock thread.</summary>
public interface IAudioSource
{
    /// <summary>Fills <paramref name="frame"/>; returns false when there is nothing (the session sends silence).</summary>
    bool ReadFrame(Span<short> frame);
}
