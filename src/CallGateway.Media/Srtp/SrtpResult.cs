namespace CallGateway.Media.Srtp;

/// <summary>
/// Outcome of an <see cref="SrtpContext"/> protect or unprotect call. The hot path reports failures through this value
/// and never throws for anything a peer (or an attacker) can send.
/// </summary>
public enum SrtpResult
{
    /// <summary>The packet was protected or authenticated and decrypted; the out length is valid.</summary>
    Ok,

    /// <summary>
    /// The packet is not a well-formed RTP/RTCP packet for this operation: too short, not version 2, or its header
    /// (CSRCs, header extension) runs past the end. No state changed.
    /// </summary>
    Malformed,

    /// <summary>ProtectRtp/ProtectRtcp: the buffer has no room for the tag (and SRTCP index) after the packet.</summary>
    BufferTooSmall,

    /// <summary>
    /// The authentication tag did not verify (tampered, forged, wrong key, or a wrong rollover-counter guess).
    /// Replay and rollover state are untouched; the buffer content is unspecified afterwards.
    /// </summary>
    AuthenticationFailed,

    /// <summary>The packet index is inside the 128-packet replay window and was already accepted once (RFC 3711 §3.3.2).</summary>
    ReplayDetected,

    /// <summary>
    /// The packet index is older than the replay window (128 or more behind the highest accepted index), or it would
    /// lie before index 0 (a sequence number more than 2^15 before the stream's first while its ROC is still 0).
    /// </summary>
    TooOld,

    /// <summary>
    /// The packet carries an SSRC this context has not seen and it already tracks its maximum number of SSRCs.
    /// Call <see cref="SrtpContext.RemoveStream(uint)"/> for departed sources (e.g. after RTCP BYE).
    /// </summary>
    TooManyStreams,

    /// <summary>
    /// The key must not be used further: the 31-bit SRTCP index or the 48-bit SRTP index is exhausted (RFC 3711 §9.2).
    /// Re-key (a new DTLS handshake) before sending more.
    /// </summary>
    KeyLimitReached,
}
