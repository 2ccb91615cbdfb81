using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>
/// Answers a remote audio offer (RFC 3264 §6, RFC 8829 §5.3.1; Meta's user-initiated calls, browsers). The answer
/// mirrors the offer's mid and BUNDLE group, keeps the offer's payload-type numbers, picks Opus (else PCMU/PCMA),
/// adds telephone-event/8000 and /48000 when offered, answers <c>a=setup:active</c> to actpass (we become the DTLS
/// client, which Meta expects), requires rtcp-mux, complements the direction and rejects every other m= section
/// with port 0.
/// </summary>
public static class AudioAnswerBuilder
{
    /// <summary>Builds the answer. Never throws for remote input; returns false with a reason for an unusable offer.</summary>
    /// <exception cref="ArgumentException"><paramref name="local"/> is invalid (a configuration bug).</exception>
    public static bool TryBuild(
        SessionDescription remoteOffer,
        LocalMediaParameters local,
        [NotNullWhen(true)] out SessionDescription? answer,
        [NotNullWhen(true)] out SdpNegotiation? negotiation,
        [NotNullWhen(false)] out string? error)
    {
        answer = null;
        negotiation = null;
        LocalMediaValidator.Validate(local);
        if (!RemoteMediaParameters.TryExtract(remoteOffer, out var remote, out var reason))
        {
            error = "cannot answer the offer: " + reason;
            return false;
        }

        if (!AudioNegotiationChecks.TryCheckTransport(remote, local, "offer", out error)
            || !AudioNegotiationChecks.TrySelectForAnswer(remote, local, out var codec, out error)
            || !TryAnswerSetup(remote.Setup, out var setup, out error))
        {
            return false;
        }

        var te48000 = local.EnableTelephoneEvent48000 ? remote.TelephoneEvent48000PayloadType : null;
        var direction = SdpNegotiationRules.Answer(remote.Direction, local.Direction);
        answer = Compose(remoteOffer, remote, local, AnswerCodecs(remote, codec, te48000), setup, direction);
        negotiation = new SdpNegotiation
        {
            Codec = codec,
            TelephoneEvent8000PayloadType = remote.TelephoneEvent8000PayloadType,
            TelephoneEvent48000PayloadType = te48000,
            LocalSetup = setup,
            DtlsRole = setup == SdpSetup.Active ? SdpDtlsRole.Client : SdpDtlsRole.Server,
            IsIceControlling = SdpNegotiationRules.IsIceControlling(local.IceLite, remote.IceLite, localIsOfferer: false),
            Direction = direction,
            Mid = remote.Mid,
            Remote = remote,
        };
        return true;
    }

    /// <summary>
    /// RFC 8842 §5.3 / RFC 5763 §5: answer actpass with active (JSEP's choice, RFC 8829 §5.3.1), active with
    /// passive, passive with active. An offer without a=setup means active (RFC 4145 §4), so we answer passive.
    /// </summary>
    private static bool TryAnswerSetup(SdpSetup? offered, out SdpSetup setup, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (offered)
        {
            case SdpSetup.ActPass or SdpSetup.Passive:
                setup = SdpSetup.Active;
                return true;
            case SdpSetup.Active or null:
                setup = SdpSetup.Passive;
                return true;
            default:
                setup = SdpSetup.HoldConn;
                error = "the offer has a=setup:holdconn; no DTLS connection can be set up (RFC 4145 §4)";
                return false;
        }
    }

    /// <summary>The chosen codec and the telephone events, with the offer's payload types, in the offer's order.</summary>
    private static List<SdpRtpCodec> AnswerCodecs(RemoteMediaParameters remote, SdpRtpCodec chosen, int? te48000)
    {
        var codecs = new List<SdpRtpCodec>(3);
        foreach (var codec in remote.Codecs)
        {
            if (codec.PayloadType == chosen.PayloadType)
            {
                codecs.Add(codec with { FormatParameters = codec.IsOpus ? AudioOfferBuilder.OpusFormatParameters : null });
            }
            else if (codec.PayloadType == remote.TelephoneEvent8000PayloadType || codec.PayloadType == te48000)
            {
                codecs.Add(codec with { FormatParameters = null });
            }
        }

        return codecs;
    }

    private static SessionDescription Compose(
        SessionDescription offer,
        RemoteMediaParameters remote,
        LocalMediaParameters local,
        List<SdpRtpCodec> codecs,
        SdpSetup setup,
        SdpDirection direction)
    {
        // RFC 8843 §7.3: the answer's BUNDLE group holds only the accepted mids, here just the audio one.
        var bundled = remote.Mid is not null && remote.BundleMids.Contains(remote.Mid) ? remote.Mid : null;
        var answer = LocalAudioSection.CreateSession(local, bundled);
        for (var i = 0; i < offer.Media.Count; i++)
        {
            // RFC 3264 §6: one answer m= line per offered one, in order; those we do not use get port 0.
            answer.Media.Add(i == remote.MediaIndex
                ? LocalAudioSection.CreateMedia(local, remote.Protocol, codecs, setup, direction, remote.Mid)
                : LocalAudioSection.CreateRejected(offer.Media[i]));
        }

        return answer;
    }
}
