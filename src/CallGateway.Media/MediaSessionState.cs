namespace CallGateway.Media;

/// <summary>Lifecycle of a media session.</summary>
public enum MediaSessionState
{
    /// <summary>ICE checks and the DTLS handshake are in progress.</summary>
    Connecting,

    /// <summary>ICE selected a pair and DTLS-SRTP keys are in place: audio can flow.</summary>
    Connected,

    /// <summary>The peer closed the media path cleanly (DTLS close_notify); usually its side of the call is ending.</summary>
    Disconnected,

    /// <summary>ICE, DTLS or consent failed; the session will not recover.</summary>
    Failed,

    /// <summary>Disposed.</summary>
    Closed,
}
