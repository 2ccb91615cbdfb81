namespace CallGateway.Media.Dtls;

/// <summary>Why an established DTLS association ended (see <see cref="DtlsSession.Closed"/>).</summary>
public enum DtlsCloseReason
{
    /// <summary>The peer sent close_notify (RFC 5246 §7.2.1); we answered with our own.</summary>
    CloseNotify,

    /// <summary>The peer sent a fatal alert.</summary>
    PeerAlert,

    /// <summary>We closed it (<see cref="DtlsSession.CloseAsync"/> or dispose); close_notify was sent.</summary>
    LocalClose,

    /// <summary>We aborted with a fatal alert because of a protocol error.</summary>
    LocalAlert,

    /// <summary>The transport was closed by its owner underneath the session.</summary>
    TransportClosed,
}
