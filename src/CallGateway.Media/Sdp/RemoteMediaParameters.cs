using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>
/// What we need from a remote offer or answer to run ICE, DTLS and RTP against its audio section: ICE credentials
/// and lite flag (RFC 8839 §5.3, §5.4), DTLS fingerprints and setup (RFC 8842 §5), candidates (RFC 8839 §5.1), mid and
/// BUNDLE (RFC 8843), rtcp-mux (RFC 5761 §5.1.1), direction (RFC 8866 §6.7) and the payload types offered.
/// </summary>
/// <remarks>
/// Media-level attributes override session-level ones; <c>a=ice-lite</c> counts at either level (werift writes it in
/// the m= section, Meta at session level). The <c>c=</c> address is exposed as <see cref="ConnectionAddress"/> but is
/// not a candidate. Immutable. <see cref="IcePwd"/> is a secret: never log it; <see cref="ToString"/> omits it.
/// </remarks>
public sealed class RemoteMediaParameters
{
    /// <summary>Index of the audio section in <see cref="SessionDescription.Media"/>.</summary>
    public required int MediaIndex { get; init; }

    public required string Protocol { get; init; }

    /// <summary>The m= port (default candidate port; 9 means "no default", RFC 8829 §5.2.1).</summary>
    public required int Port { get; init; }

    /// <summary>The c= address (media level, else session level); informational only, not a candidate.</summary>
    public string? ConnectionAddress { get; init; }

    public required string IceUfrag { get; init; }

    public required string IcePwd { get; init; }

    public bool IceLite { get; init; }

    /// <summary>Tokens of <c>a=ice-options</c>, e.g. "trickle".</summary>
    public IReadOnlyList<string> IceOptions { get; init; } = [];

    /// <summary>At least one; media-level ones if the section has any, else the session-level ones.</summary>
    public required IReadOnlyList<SdpFingerprint> Fingerprints { get; init; }

    /// <summary>
    /// The <c>a=setup</c> value, or null when absent (RFC 4145 §4 defaults: active in an offer, passive in an answer).
    /// </summary>
    public SdpSetup? Setup { get; init; }

    /// <summary>The section's parsable <c>a=candidate</c> lines, in order.</summary>
    public IReadOnlyList<SdpCandidate> Candidates { get; init; } = [];

    /// <summary>How many <c>a=candidate</c> lines could not be parsed and were skipped.</summary>
    public int IgnoredCandidateCount { get; init; }

    /// <summary><c>a=end-of-candidates</c> was present (RFC 8840): no trickled candidates follow.</summary>
    public bool EndOfCandidates { get; init; }

    public string? Mid { get; init; }

    /// <summary>The identification tags of the session's <c>a=group:BUNDLE</c> line (RFC 5888 §5, RFC 8843), or empty.</summary>
    public IReadOnlyList<string> BundleMids { get; init; } = [];

    public bool RtcpMux { get; init; }

    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>All payload formats of the section that have an rtpmap or a static assignment, in m= order.</summary>
    public IReadOnlyList<SdpRtpCodec> Codecs { get; init; } = [];

    public SdpRtpCodec? Opus { get; init; }

    public SdpRtpCodec? Pcmu { get; init; }

    public SdpRtpCodec? Pcma { get; init; }

    /// <summary>Payload type of telephone-event/8000 (RFC 4733), or null.</summary>
    public int? TelephoneEvent8000PayloadType { get; init; }

    /// <summary>Payload type of telephone-event/48000, or null.</summary>
    public int? TelephoneEvent48000PayloadType { get; init; }

    /// <summary>The first <c>a=ssrc</c> id (RFC 5576 §4.1), or null.</summary>
    public uint? Ssrc { get; init; }

    public string? SsrcCName { get; init; }

    /// <summary>
    /// Extracts the parameters of the first audio section with a non-zero port. Never throws. Fails, with a reason,
    /// when there is no such section, the ICE credentials are missing or malformed, or there is no valid fingerprint.
    /// </summary>
    public static bool TryExtract(SessionDescription sdp, [NotNullWhen(true)] out RemoteMediaParameters? parameters, [NotNullWhen(false)] out string? error)
        => RemoteMediaReader.TryRead(sdp, out parameters, out error);

    public override string ToString() =>
        $"RemoteMediaParameters {{ Mid = {Mid}, IceUfrag = {IceUfrag}, IceLite = {IceLite}, Setup = {Setup}, Candidates = {Candidates.Count}, Opus = {Opus?.PayloadType} }}";
}
