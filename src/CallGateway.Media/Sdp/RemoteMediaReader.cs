using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>The extraction behind <see cref="RemoteMediaParameters.TryExtract"/>. Never throws.</summary>
internal static class RemoteMediaReader
{
    public static bool TryRead(SessionDescription? sdp, [NotNullWhen(true)] out RemoteMediaParameters? parameters, [NotNullWhen(false)] out string? error)
    {
        parameters = null;
        if (sdp is null)
        {
            error = "SDP is null";
            return false;
        }

        if (!TryFindAudio(sdp, out var index, out error)
            || !TryReadIce(sdp, sdp.Media[index], out var ufrag, out var pwd, out error)
            || !TryReadFingerprints(sdp, sdp.Media[index], out var fingerprints, out error)
            || !TryReadSetup(sdp, sdp.Media[index], out var setup, out error))
        {
            return false;
        }

        var media = sdp.Media[index];
        var codecs = SdpRtpMapReader.ReadCodecs(media);
        var (candidates, ignored) = ReadCandidates(media);
        var (ssrc, cname) = ReadSsrc(media);
        parameters = new RemoteMediaParameters
        {
            MediaIndex = index,
            Protocol = media.Protocol,
            Port = media.Port,
            ConnectionAddress = (media.Connection ?? sdp.Connection)?.Address,
            IceUfrag = ufrag,
            IcePwd = pwd,
            IceLite = sdp.HasAttribute("ice-lite") || media.HasAttribute("ice-lite"),
            IceOptions = ReadIceOptions(sdp, media),
            Fingerprints = fingerprints,
            Setup = setup,
            Candidates = candidates,
            IgnoredCandidateCount = ignored,
            EndOfCandidates = media.HasAttribute("end-of-candidates") || sdp.HasAttribute("end-of-candidates"),
            Mid = media.FindAttribute("mid")?.Value,
            BundleMids = ReadBundle(sdp),
            RtcpMux = media.HasAttribute("rtcp-mux"),
            Direction = ReadDirection(media.Attributes) ?? ReadDirection(sdp.Attributes) ?? SdpDirection.SendRecv,
            Codecs = codecs,
            Opus = Find(codecs, c => c.IsOpus),
            Pcmu = Find(codecs, c => c.IsPcmu),
            Pcma = Find(codecs, c => c.IsPcma),
            TelephoneEvent8000PayloadType = Find(codecs, c => c.IsTelephoneEvent && c.ClockRate == 8000)?.PayloadType,
            TelephoneEvent48000PayloadType = Find(codecs, c => c.IsTelephoneEvent && c.ClockRate == 48000)?.PayloadType,
            Ssrc = ssrc,
            SsrcCName = cname,
        };
        return true;
    }

    /// <summary>RFC 8839 §5.4: ice-char = ALPHA / DIGIT / "+" / "/".</summary>
    internal static bool IsIceChars(string value, int minLength, int maxLength)
    {
        if (value.Length < minLength || value.Length > maxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryFindAudio(SessionDescription sdp, out int index, [NotNullWhen(false)] out string? error)
    {
        var disabled = false;
        for (index = 0; index < sdp.Media.Count; index++)
        {
            var media = sdp.Media[index];
            if (string.Equals(media.Media, "audio", StringComparison.OrdinalIgnoreCase))
            {
                if (media.Port != 0)
                {
                    error = null;
                    return true;
                }

                disabled = true;
            }
        }

        error = disabled
            ? "the only m=audio section has port 0, i.e. it is rejected or disabled (RFC 3264 §6)"
            : "no m=audio section";
        return false;
    }

    /// <summary>RFC 8839 §5.4: ice-ufrag is 4-256 ice-chars, ice-pwd 22-256; media level overrides session level.</summary>
    private static bool TryReadIce(SessionDescription sdp, MediaDescription media, out string ufrag, out string pwd, [NotNullWhen(false)] out string? error)
    {
        ufrag = (media.FindAttribute("ice-ufrag") ?? sdp.FindAttribute("ice-ufrag"))?.Value ?? string.Empty;
        pwd = (media.FindAttribute("ice-pwd") ?? sdp.FindAttribute("ice-pwd"))?.Value ?? string.Empty;
        if (ufrag.Length == 0 || pwd.Length == 0)
        {
            error = "no ICE credentials: a=ice-ufrag and a=ice-pwd are required at session or media level (RFC 8839 §5.4)";
            return false;
        }

        if (!IsIceChars(ufrag, 4, 256))
        {
            error = "a=ice-ufrag must be 4 to 256 characters of [A-Za-z0-9+/] (RFC 8839 §5.4)";
            return false;
        }

        if (!IsIceChars(pwd, 22, 256))
        {
            error = "a=ice-pwd must be 22 to 256 characters of [A-Za-z0-9+/] (RFC 8839 §5.4)";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>RFC 8842 §5.1: at least one fingerprint; media-level ones replace the session-level ones.</summary>
    private static bool TryReadFingerprints(SessionDescription sdp, MediaDescription media, out IReadOnlyList<SdpFingerprint> fingerprints, [NotNullWhen(false)] out string? error)
    {
        var attributes = media.FindAttributes("fingerprint");
        if (attributes.Count == 0)
        {
            attributes = sdp.FindAttributes("fingerprint");
        }

        var list = new List<SdpFingerprint>(attributes.Count);
        foreach (var attribute in attributes)
        {
            if (!SdpFingerprint.TryParse(attribute.Value, out var fingerprint))
            {
                fingerprints = [];
                error = "malformed a=fingerprint: expected '<hash-func> <hex bytes separated by colons>' with the hash's digest length (RFC 8122 §5)";
                return false;
            }

            list.Add(fingerprint);
        }

        fingerprints = list;
        error = list.Count == 0 ? "no DTLS fingerprint: a=fingerprint is required at session or media level (RFC 8842 §5.1)" : null;
        return error is null;
    }

    private static bool TryReadSetup(SessionDescription sdp, MediaDescription media, out SdpSetup? setup, [NotNullWhen(false)] out string? error)
    {
        setup = null;
        error = null;
        var attribute = media.FindAttribute("setup") ?? sdp.FindAttribute("setup");
        if (attribute is null)
        {
            return true;
        }

        if (!SdpNegotiationRules.TryParseSetup(attribute.Value, out var parsed))
        {
            error = "a=setup must be actpass, active, passive or holdconn (RFC 4145 §4, RFC 8842 §5.2)";
            return false;
        }

        setup = parsed;
        return true;
    }

    private static (IReadOnlyList<SdpCandidate> Candidates, int Ignored) ReadCandidates(MediaDescription media)
    {
        var candidates = new List<SdpCandidate>();
        var ignored = 0;
        foreach (var attribute in media.FindAttributes("candidate"))
        {
            if (SdpCandidate.TryParse(attribute.Value, out var candidate))
            {
                candidates.Add(candidate);
            }
            else
            {
                ignored++;
            }
        }

        return (candidates, ignored);
    }

    private static string[] ReadIceOptions(SessionDescription sdp, MediaDescription media)
    {
        var value = (media.FindAttribute("ice-options") ?? sdp.FindAttribute("ice-options"))?.Value;
        return value is null ? [] : SdpSyntax.SplitFields(value);
    }

    /// <summary>RFC 5888 §5, RFC 8843: <c>a=group:BUNDLE &lt;mid&gt; ...</c> at session level.</summary>
    private static string[] ReadBundle(SessionDescription sdp)
    {
        foreach (var group in sdp.FindAttributes("group"))
        {
            var f = group.Value is null ? [] : SdpSyntax.SplitFields(group.Value);
            if (f.Length > 0 && string.Equals(f[0], "BUNDLE", StringComparison.OrdinalIgnoreCase))
            {
                return f[1..];
            }
        }

        return [];
    }

    private static SdpDirection? ReadDirection(IList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Value is null && SdpNegotiationRules.TryParseDirection(attribute.Name, out var direction))
            {
                return direction;
            }
        }

        return null;
    }

    /// <summary>RFC 5576 §4.1: <c>a=ssrc:&lt;ssrc-id&gt; &lt;attribute&gt;[:&lt;value&gt;]</c>; the first id and its cname.</summary>
    private static (uint? Ssrc, string? CName) ReadSsrc(MediaDescription media)
    {
        uint? ssrc = null;
        string? cname = null;
        foreach (var attribute in media.FindAttributes("ssrc"))
        {
            var f = attribute.Value is null ? [] : SdpSyntax.SplitFields(attribute.Value);
            if (f.Length < 2 || !SdpSyntax.TryParseUInt32(f[0], out var id) || (ssrc is not null && ssrc != id))
            {
                continue;
            }

            ssrc = id;
            if (cname is null && f[1].StartsWith("cname:", StringComparison.OrdinalIgnoreCase))
            {
                cname = f[1]["cname:".Length..];
            }
        }

        return (ssrc, cname);
    }

    private static SdpRtpCodec? Find(IReadOnlyList<SdpRtpCodec> codecs, Func<SdpRtpCodec, bool> predicate)
    {
        foreach (var codec in codecs)
        {
            if (predicate(codec))
            {
                return codec;
            }
        }

        return null;
    }
}
