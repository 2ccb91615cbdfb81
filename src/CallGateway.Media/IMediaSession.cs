namespace CallGateway.Media;

/// <summary>
/// One call's audio. The surface is 20 ms mono PCM16 frames at <see cref="SampleRate"/> (48 kHz or 16 kHz) in
/// both directions, DTMF, state and counters; everything below (ICE, DTLS, SRTP, RTP, codecs) is hidden.
/// </summary>
public interface IMediaSession : IAsyncDisposable
{
    string CallId { get; }

    /// <summary>Our SDP: the answer for an inbound call, the offer for an outbound one.</summary>
    string LocalSdp { get; }

    MediaSessionState State { get; }

    /// <summary>Sample rate of the PCM surface.</summary>
    int SampleRate { get; }

    /// <summary>Samples in one 20 ms frame at <see cref="SampleRate"/>.</summary>
    int FrameSamples { get; }

    /// <summary>Outbound call: applies the SDP answer from the connect webhook and starts connectivity checks.</summary>
    /// <exception cref="MediaNegotiationException">The answer is unusable.</exception>
    Task ApplyRemoteAnswerAsync(string remoteAnswerSdp, CancellationToken cancellationToken);

    /// <summary>
    /// Starts sending audio (silence when no source is set). Meta wants media only after accept returned 200,
    /// otherwise the caller misses the first words; so an inbound session stays silent until this is called.
    /// </summary>
    void StartSending();

    /// <summary>Sets what is played into the call, replacing the previous source; null plays silence.</summary>
    void SetSource(IAudioSource? source);

    /// <summary>Adds a listener for both directions' audio; dispose the result to remove it.</summary>
    IDisposable AddSink(IAudioSink sink);

    /// <summary>Queues RFC 4733 DTMF digits (0-9, *, #, A-D) to send; audio is suppressed while a digit plays.</summary>
    void SendDtmf(string digits);

    /// <summary>A snapshot of the session's counters.</summary>
    MediaStats GetStats();
}
