using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CallGateway.Media.Sdp;

/// <summary>
/// Writes the parts our offers and answers share: the session skeleton (RFC 8829 §5.2.1) and our audio m= section.
/// </summary>
internal static class LocalAudioSection
{
    /// <summary>
    /// <c>v=0</c>, <c>o=- &lt;sess-id&gt; &lt;version&gt; IN IP4 127.0.0.1</c>, <c>s=-</c>, <c>t=0 0</c>, then
    /// <c>a=group:BUNDLE</c> (when a mid is bundled), <c>a=msid-semantic: WMS</c> and <c>a=ice-lite</c> (when lite).
    /// </summary>
    public static SessionDescription CreateSession(LocalMediaParameters local, string? bundleMid)
    {
        var sessionId = local.SessionId ?? RandomSessionId();
        var sdp = new SessionDescription
        {
            Origin = new SdpOrigin("-", sessionId.ToString(CultureInfo.InvariantCulture), local.SessionVersion, "IN", "IP4", "127.0.0.1"),
            SessionName = "-",
        };
        sdp.Timings.Add(new SdpTiming(0, 0));
        if (bundleMid is not null)
        {
            sdp.Attributes.Add(new SdpAttribute("group", "BUNDLE " + bundleMid));
        }

        sdp.Attributes.Add(new SdpAttribute("msid-semantic", " WMS " + local.StreamId));
        if (local.IceLite)
        {
            sdp.Attributes.Add(new SdpAttribute("ice-lite"));
        }

        return sdp;
    }

    /// <summary>
    /// Our audio section. The first candidate is the default one (m= port and c=, RFC 8839 §4.2.1); without
    /// candidates JSEP's placeholders are used: port 9 and <c>c=IN IP4 0.0.0.0</c> (RFC 8829 §5.2.1).
    /// </summary>
    public static MediaDescription CreateMedia(LocalMediaParameters local, string protocol, IReadOnlyList<SdpRtpCodec> codecs, SdpSetup setup, SdpDirection direction, string? mid)
    {
        var first = local.Candidates.Count > 0 ? local.Candidates[0] : null;
        var media = new MediaDescription("audio", first?.Port ?? 9, protocol);
        foreach (var codec in codecs)
        {
            media.Formats.Add(codec.PayloadType.ToString(CultureInfo.InvariantCulture));
        }

        media.Connections.Add(first is null
            ? new SdpConnection("IN", "IP4", "0.0.0.0")
            : SdpConnection.ForAddress(System.Net.IPAddress.Parse(first.Address)));
        var a = media.Attributes;
        a.Add(new SdpAttribute("rtcp", "9 IN IP4 0.0.0.0"));
        foreach (var candidate in local.Candidates)
        {
            a.Add(new SdpCandidate(candidate.Foundation, 1, "udp", candidate.Priority, candidate.Address, candidate.Port, "host").ToAttribute());
        }

        if (local.EndOfCandidates)
        {
            a.Add(new SdpAttribute("end-of-candidates"));
        }

        a.Add(new SdpAttribute("ice-ufrag", local.IceUfrag));
        a.Add(new SdpAttribute("ice-pwd", local.IcePwd));
        a.Add(new SdpAttribute("fingerprint", local.Fingerprint));
        a.Add(new SdpAttribute("setup", SdpNegotiationRules.ToToken(setup)));
        if (mid is not null)
        {
            a.Add(new SdpAttribute("mid", mid));
        }

        a.Add(new SdpAttribute(SdpNegotiationRules.ToToken(direction)));
        a.Add(new SdpAttribute("msid", local.StreamId + " " + local.TrackId));
        a.Add(new SdpAttribute("rtcp-mux"));
        AddCodecs(a, codecs);
        var ssrc = local.Ssrc.ToString(CultureInfo.InvariantCulture);
        a.Add(new SdpAttribute("ssrc", ssrc + " cname:" + local.CName));
        a.Add(new SdpAttribute("ssrc", ssrc + " msid:" + local.StreamId + " " + local.TrackId));
        return media;
    }

    /// <summary>An answer's rejection of an offered section we do not use: port 0 and its mid (RFC 8829 §5.3.1).</summary>
    public static MediaDescription CreateRejected(MediaDescription offered)
    {
        var media = new MediaDescription(offered.Media, 0, offered.Protocol);
        media.Formats.Add(offered.Formats[0]);
        if (offered.FindAttribute("mid") is { } mid)
        {
            media.Attributes.Add(mid);
        }

        return media;
    }

    private static void AddCodecs(IList<SdpAttribute> attributes, IReadOnlyList<SdpRtpCodec> codecs)
    {
        foreach (var codec in codecs)
        {
            attributes.Add(new SdpAttribute("rtpmap", codec.ToRtpMapValue()));
            if (codec.FormatParameters is not null)
            {
                attributes.Add(new SdpAttribute("fmtp", codec.PayloadType.ToString(CultureInfo.InvariantCulture) + " " + codec.FormatParameters));
            }
        }
    }

    /// <summary>RFC 8829 §5.2.1: a random 64-bit sess-id with the top bit clear so it fits a signed integer.</summary>
    private static ulong RandomSessionId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes) & long.MaxValue;
    }
}
