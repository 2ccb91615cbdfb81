namespace CallGateway.Media.Sdp;

/// <summary>
/// The outcome of an offer/answer exchange for our audio stream: what the media session needs to run ICE
/// (remote credentials, candidates, our role), DTLS (our role, the remote fingerprint to verify) and RTP (codec and
/// DTMF payload types). Produced by <see cref="AudioAnswerBuilder"/> (we answer) and
/// <see cref="AudioAnswerNegotiator"/> (we offered). Immutable; <see cref="ToString"/> omits the ICE password.
/// </summary>
public sealed class SdpNegotiation
{
    /// <summary>
    /// The audio codec with the payload type to send. <see cref="SdpRtpCodec.FormatParameters"/> are the remote's
    /// fmtp (its receive preferences, e.g. useinbandfec=1).
    /// </summary>
    public required SdpRtpCodec Codec { get; init; }

    /// <summary>telephone-event/8000 payload type (RFC 4733), or null when not negotiated.</summary>
    public int? TelephoneEvent8000PayloadType { get; init; }

    /// <summary>telephone-event/48000 payload type, or null when not negotiated.</summary>
    public int? TelephoneEvent48000PayloadType { get; init; }

    /// <summary>The <c>a=setup</c> we sent (answers: active or passive; offers: what we offered).</summary>
    public required SdpSetup LocalSetup { get; init; }

    /// <summary>Our DTLS role: <see cref="SdpDtlsRole.Client"/> when we are the active side (RFC 8842 §5.3).</summary>
    public required SdpDtlsRole DtlsRole { get; init; }

    /// <summary>Whether our ICE agent takes the controlling role (RFC 8445 §6.1.1).</summary>
    public required bool IsIceControlling { get; init; }

    /// <summary>Our media direction after negotiation.</summary>
    public required SdpDirection Direction { get; init; }

    /// <summary>The negotiated mid, or null when the offer had none.</summary>
    public string? Mid { get; init; }

    /// <summary>Everything extracted from the remote description.</summary>
    public required RemoteMediaParameters Remote { get; init; }

    public string RemoteIceUfrag => Remote.IceUfrag;

    /// <summary>The remote ICE password (short-term credential for STUN MESSAGE-INTEGRITY). Never log it.</summary>
    public string RemoteIcePwd => Remote.IcePwd;

    public bool RemoteIceLite => Remote.IceLite;

    public IReadOnlyList<SdpCandidate> RemoteCandidates => Remote.Candidates;

    /// <summary>The first remote fingerprint; <see cref="RemoteFingerprints"/> has all of them (RFC 8122 §5 allows several).</summary>
    public SdpFingerprint RemoteFingerprint => Remote.Fingerprints[0];

    public IReadOnlyList<SdpFingerprint> RemoteFingerprints => Remote.Fingerprints;

    public override string ToString() =>
        $"SdpNegotiation {{ Codec = {Codec.Name}/{Codec.ClockRate} PT {Codec.PayloadType}, TE8000 = {TelephoneEvent8000PayloadType}, TE48000 = {TelephoneEvent48000PayloadType}, DtlsRole = {DtlsRole}, IceControlling = {IsIceControlling}, Direction = {Direction}, Mid = {Mid} }}";
}
