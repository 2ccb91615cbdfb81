using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>
/// Applies the remote answer to an offer we built with <see cref="AudioOfferBuilder"/> (business-initiated calls:
/// Meta's connect webhook carries the answer) and derives the <see cref="SdpNegotiation"/>.
/// </summary>
public static class AudioAnswerNegotiator
{
    /// <summary>Never throws for remote input; returns false with a reason for an unusable answer.</summary>
    /// <param name="remoteAnswer">The parsed answer.</param>
    /// <param name="local">The parameters our offer was built from.</param>
    /// <exception cref="ArgumentException"><paramref name="local"/> is invalid (a configuration bug).</exception>
    public static bool TryNegotiate(
        SessionDescription remoteAnswer,
        LocalMediaParameters local,
        [NotNullWhen(true)] out SdpNegotiation? negotiation,
        [NotNullWhen(false)] out string? error)
    {
        negotiation = null;
        LocalMediaValidator.Validate(local);
        if (!RemoteMediaParameters.TryExtract(remoteAnswer, out var remote, out var reason))
        {
            error = "cannot use the answer: " + reason;
            return false;
        }

        if (remote.Mid is not null && remote.Mid != local.Mid)
        {
            error = "the answer's a=mid does not match the mid of our offer (RFC 5888 §4, RFC 8843)";
            return false;
        }

        if (!AudioNegotiationChecks.TryCheckTransport(remote, local, "answer", out error)
            || !AudioNegotiationChecks.TrySelectFromAnswer(remote, local, out var codec, out error)
            || !TryDtlsRole(local.Setup, remote.Setup, out var role, out error))
        {
            return false;
        }

        negotiation = new SdpNegotiation
        {
            Codec = codec,
            TelephoneEvent8000PayloadType = remote.TelephoneEvent8000PayloadType,
            TelephoneEvent48000PayloadType = local.EnableTelephoneEvent48000 ? remote.TelephoneEvent48000PayloadType : null,
            LocalSetup = local.Setup,
            DtlsRole = role,
            IsIceControlling = SdpNegotiationRules.IsIceControlling(local.IceLite, remote.IceLite, localIsOfferer: true),
            Direction = SdpNegotiationRules.Answer(remote.Direction, local.Direction),
            Mid = local.Mid,
            Remote = remote,
        };
        return true;
    }

    /// <summary>
    /// RFC 8842 §5.3: the answerer's active makes us the DTLS server, its passive makes us the client; an answer
    /// must not say actpass, and an answer without a=setup means passive (RFC 4145 §4). A role we forced in the
    /// offer (active/passive) must be complemented.
    /// </summary>
    private static bool TryDtlsRole(SdpSetup offered, SdpSetup? answered, out SdpDtlsRole role, [NotNullWhen(false)] out string? error)
    {
        var effective = answered ?? SdpSetup.Passive;
        role = effective == SdpSetup.Active ? SdpDtlsRole.Server : SdpDtlsRole.Client;
        error = effective switch
        {
            SdpSetup.ActPass => "the answer has a=setup:actpass; an answer must choose active or passive (RFC 8842 §5.3)",
            SdpSetup.HoldConn => "the answer has a=setup:holdconn; no DTLS connection can be set up (RFC 4145 §4)",
            _ when offered != SdpSetup.ActPass && effective == offered =>
                "the answer's a=setup repeats our forced role instead of complementing it (RFC 4145 §4)",
            _ => null,
        };
        return error is null;
    }
}
