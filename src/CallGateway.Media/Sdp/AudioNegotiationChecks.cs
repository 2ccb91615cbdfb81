using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>Checks and choices shared by <see cref="AudioAnswerBuilder"/> and <see cref="AudioAnswerNegotiator"/>.</summary>
internal static class AudioNegotiationChecks
{
    /// <summary>
    /// DTLS-SRTP over UDP (RFC 8829 §5.1.2), RTP/RTCP multiplexing (RFC 5761; WebRTC requires it, RFC 8829 §4.1.1
    /// rtcpMuxPolicy "require") and at least one full ICE agent (RFC 8445 §6.1.1).
    /// </summary>
    public static bool TryCheckTransport(RemoteMediaParameters remote, LocalMediaParameters local, string what, [NotNullWhen(false)] out string? error)
    {
        if (!remote.Protocol.StartsWith("UDP/TLS/RTP/SAVP", StringComparison.OrdinalIgnoreCase))
        {
            error = $"the {what}'s m=audio protocol is not UDP/TLS/RTP/SAVPF; only DTLS-SRTP over UDP is supported (RFC 8829 §5.1.2)";
            return false;
        }

        if (!remote.RtcpMux)
        {
            error = $"the {what} has no a=rtcp-mux; WebRTC requires RTP and RTCP on one port (RFC 5761 §5.1.1, RFC 8829 §4.1.1)";
            return false;
        }

        if (remote.IceLite && local.IceLite)
        {
            error = $"the {what} is ICE-lite and so are we; one side must run full ICE (RFC 8445 §6.1.1)";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Answer side: Opus if offered (whatever its position, it is the codec we want), otherwise the first of
    /// PCMU/PCMA in the offer's order. Each respects the local Enable* switches.
    /// </summary>
    public static bool TrySelectForAnswer(RemoteMediaParameters offer, LocalMediaParameters local, [NotNullWhen(true)] out SdpRtpCodec? codec, [NotNullWhen(false)] out string? error)
    {
        codec = local.EnableOpus && offer.Opus is not null ? offer.Opus : FirstG711(offer.Codecs, local);
        error = codec is null ? NoCommonCodec("offer", offer.Codecs, local) : null;
        return codec is not null;
    }

    /// <summary>Offer side: the answerer's first codec that we offered (RFC 3264 §6.1 lists them in preference order).</summary>
    public static bool TrySelectFromAnswer(RemoteMediaParameters answer, LocalMediaParameters local, [NotNullWhen(true)] out SdpRtpCodec? codec, [NotNullWhen(false)] out string? error)
    {
        codec = null;
        foreach (var candidate in answer.Codecs)
        {
            if ((candidate.IsOpus && local.EnableOpus) || (candidate.IsPcmu && local.EnablePcmu) || (candidate.IsPcma && local.EnablePcma))
            {
                codec = candidate;
                break;
            }
        }

        error = codec is null ? NoCommonCodec("answer", answer.Codecs, local) : null;
        return codec is not null;
    }

    private static SdpRtpCodec? FirstG711(IReadOnlyList<SdpRtpCodec> codecs, LocalMediaParameters local)
    {
        foreach (var codec in codecs)
        {
            if ((codec.IsPcmu && local.EnablePcmu) || (codec.IsPcma && local.EnablePcma))
            {
                return codec;
            }
        }

        return null;
    }

    private static string NoCommonCodec(string what, IReadOnlyList<SdpRtpCodec> codecs, LocalMediaParameters local)
    {
        var offered = new List<string>();
        foreach (var codec in codecs)
        {
            if (offered.Count == 12)
            {
                offered.Add("...");
                break;
            }

            offered.Add(FormattableString.Invariant($"{codec.Name}/{codec.ClockRate}"));
        }

        var supported = new List<string>();
        if (local.EnableOpus)
        {
            supported.Add("opus/48000/2");
        }

        if (local.EnablePcmu)
        {
            supported.Add("PCMU/8000");
        }

        if (local.EnablePcma)
        {
            supported.Add("PCMA/8000");
        }

        var list = offered.Count == 0 ? "no usable payload type" : string.Join(", ", offered);
        return $"no common audio codec: the {what} has {list}; we support {string.Join(", ", supported)}";
    }
}
