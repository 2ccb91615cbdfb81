namespace CallGateway.Media;

/// <summary>Lifecycle of a media session.</summary>
public enum MediaSessionState
{
    /// <summary>ICE checks and the DTLS handshake are in progress.</summary>
    Connecting,

    /// <summary>ICE selected a pair and DTLS-SRTP keys are in place: audio can flow.</summary>
    Connected,

    /// <summary>ICE, DTLS or consent failed; the session will not recover.</summary>
    Failed,

    /// <summary>Disposed.</summary>
    Closed,
}
