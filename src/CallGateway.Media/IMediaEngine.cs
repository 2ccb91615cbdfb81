namespace CallGateway.Media;

/// <summary>
/// Creates one WebRTC audio session per call. The session owns its UDP socket, ICE agent, DTLS-SRTP transport
/// and codecs; it is disposed when the call ends.
/// </summary>
public interface IMediaEngine
{
    /// <summary>
    /// Inbound call: takes the remote SDP offer and returns a session whose <see cref="IMediaSession.LocalSdp"/> is
    /// our answer. Connectivity checks start at once, so the path is ready by the time the call is accepted.
    /// </summary>
    /// <exception cref="MediaNegotiationException">The offer is unusable (no common codec, no ICE or DTLS parameters).</exception>
    Task<IMediaSession> CreateAnswerAsync(MediaSessionRequest request, string remoteOfferSdp, CancellationToken cancellationToken);

    /// <summary>Outbound call: returns a session whose <see cref="IMediaSession.LocalSdp"/> is our offer.</summary>
    Task<IMediaSession> CreateOfferAsync(MediaSessionRequest request, CancellationToken cancellationToken);
}
