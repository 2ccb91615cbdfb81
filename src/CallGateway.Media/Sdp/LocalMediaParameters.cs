namespace CallGateway.Media.Sdp;

/// <summary>
/// Everything our audio-only WebRTC endpoint puts into its offer or answer: ICE credentials and mode (RFC 8839),
/// DTLS fingerprint and setup (RFC 8842), host candidates, the RTP source (RFC 5576 ssrc/cname, RFC 8830 msid),
/// the mid (RFC 8843) and the codecs we accept.
/// </summary>
/// <remarks>
/// Validated by the builders, which throw <see cref="ArgumentException"/> for a malformed local value (that is a
/// configuration bug, not remote input). <see cref="IcePwd"/> is a secret; <see cref="ToString"/> omits it.
/// </remarks>
public sealed record LocalMediaParameters
{
    /// <summary>4-256 characters of [A-Za-z0-9+/] (RFC 8839 §5.4).</summary>
    public required string IceUfrag { get; init; }

    /// <summary>22-256 characters of [A-Za-z0-9+/] (RFC 8839 §5.4). Never log it.</summary>
    public required string IcePwd { get; init; }

    /// <summary>Advertise <c>a=ice-lite</c> at session level (RFC 8839 §5.3).</summary>
    public bool IceLite { get; init; }

    /// <summary>Our certificate's fingerprint, e.g. <c>sha-256 AB:CD:...</c> (RFC 8122 §5).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>
    /// The <c>a=setup</c> of our offers (actpass per RFC 8842 §5.2; Active/Passive force a role). Answers ignore it
    /// and derive the role from the offer.
    /// </summary>
    public SdpSetup Setup { get; init; } = SdpSetup.ActPass;

    /// <summary>Host candidates; the first is the default candidate used for <c>m=</c> port and <c>c=</c>.</summary>
    public IReadOnlyList<LocalHostCandidate> Candidates { get; init; } = [];

    /// <summary>Write <c>a=end-of-candidates</c> (RFC 8840): we do not trickle.</summary>
    public bool EndOfCandidates { get; init; } = true;

    public required uint Ssrc { get; init; }

    /// <summary>RTCP CNAME (RFC 7022), written as <c>a=ssrc:&lt;ssrc&gt; cname:&lt;cname&gt;</c>.</summary>
    public required string CName { get; init; }

    /// <summary>The msid stream id (RFC 8830 §2), also listed in <c>a=msid-semantic: WMS</c>.</summary>
    public required string StreamId { get; init; }

    /// <summary>The msid track id (RFC 8830 §2).</summary>
    public required string TrackId { get; init; }

    /// <summary>Our offer's mid (RFC 5888 §4, RFC 8843); an answer echoes the offer's mid instead.</summary>
    public string Mid { get; init; } = "0";

    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    public bool EnableOpus { get; init; } = true;

    public bool EnablePcmu { get; init; } = true;

    public bool EnablePcma { get; init; } = true;

    /// <summary>Offer telephone-event/48000 on PT 110 and accept it in answers. telephone-event/8000 is always used.</summary>
    public bool EnableTelephoneEvent48000 { get; init; } = true;

    /// <summary>The <c>o=</c> sess-id; null draws a random 63-bit value (RFC 8829 §5.2.1).</summary>
    public ulong? SessionId { get; init; }

    /// <summary>The <c>o=</c> sess-version; increment it for each new offer/answer of the session (RFC 3264 §8).</summary>
    public ulong SessionVersion { get; init; } = 2;

    public override string ToString() =>
        $"LocalMediaParameters {{ IceUfrag = {IceUfrag}, IceLite = {IceLite}, Setup = {Setup}, Candidates = {Candidates.Count}, Mid = {Mid}, Ssrc = {Ssrc} }}";
}
