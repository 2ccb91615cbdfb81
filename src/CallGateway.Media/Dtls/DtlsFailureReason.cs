namespace CallGateway.Media.Dtls;

/// <summary>Why a DTLS handshake failed (see <see cref="DtlsHandshakeException"/>).</summary>
public enum DtlsFailureReason
{
    /// <summary>No handshake within <see cref="DtlsOptions.HandshakeTimeout"/> (silent or lossy peer).</summary>
    Timeout,

    /// <summary>
    /// The expected remote fingerprint uses a hash weaker than <see cref="DtlsOptions.MinimumFingerprintHash"/>
    /// (e.g. sha-1); the handshake was not started.
    /// </summary>
    FingerprintPolicy,

    /// <summary>The peer's certificate does not match the expected <c>a=fingerprint</c> (we sent bad_certificate).</summary>
    FingerprintMismatch,

    /// <summary>The peer sent no certificate (we sent bad_certificate).</summary>
    NoPeerCertificate,

    /// <summary>
    /// The peers share no SRTP protection profile, or the peer's use_srtp answer was invalid (RFC 5764 §4.1.1:
    /// several or unoffered profiles, a non-empty MKI, RFC 8827 §6.5).
    /// </summary>
    NoCommonSrtpProfile,

    /// <summary>The peer sent a fatal alert (<see cref="DtlsHandshakeException.AlertDescription"/> says which).</summary>
    PeerAlert,

    /// <summary>We aborted with a fatal alert for another protocol reason (alert in the exception).</summary>
    LocalAlert,

    /// <summary>The transport was closed by its owner while the handshake was running.</summary>
    TransportClosed,
}
