namespace CallGateway.Media.Sdp;

/// <summary>
/// Builds our audio-only WebRTC offer (RFC 8829 §5.2.1, business-initiated calls):
/// <code>
/// v=0
/// o=- &lt;random 63-bit&gt; 2 IN IP4 127.0.0.1
/// s=-
/// t=0 0
/// a=group:BUNDLE 0
/// a=msid-semantic: WMS &lt;stream&gt;
/// [a=ice-lite]
/// m=audio &lt;port&gt; UDP/TLS/RTP/SAVPF 111 [0] [8] [110] 126
/// c=IN IP4 &lt;default candidate address&gt;
/// a=rtcp:9 IN IP4 0.0.0.0
/// a=candidate:... typ host     (each host candidate)
/// a=end-of-candidates
/// a=ice-ufrag / a=ice-pwd / a=fingerprint / a=setup:actpass / a=mid:0 / a=sendrecv / a=msid / a=rtcp-mux
/// a=rtpmap:111 opus/48000/2 + a=fmtp:111 minptime=10;useinbandfec=1, PCMU, PCMA, telephone-event/48000 and /8000
/// a=ssrc:&lt;ssrc&gt; cname:... / a=ssrc:&lt;ssrc&gt; msid:...
/// </code>
/// </summary>
public static class AudioOfferBuilder
{
    /// <summary>UDP/TLS/RTP/SAVPF: SRTP keyed by DTLS over UDP with RTCP feedback (RFC 5764 §8-9, RFC 8829 §5.1.2).</summary>
    public const string Protocol = "UDP/TLS/RTP/SAVPF";

    /// <summary>Chromium's and Meta's Opus payload type.</summary>
    public const int OpusPayloadType = 111;

    /// <summary>RFC 3551 static payload type.</summary>
    public const int PcmuPayloadType = 0;

    /// <summary>RFC 3551 static payload type.</summary>
    public const int PcmaPayloadType = 8;

    public const int TelephoneEvent48000PayloadType = 110;

    /// <summary>Meta assumes DTMF on 126 (telephone-event/8000), as in all its samples.</summary>
    public const int TelephoneEvent8000PayloadType = 126;

    /// <summary>Our Opus receive preferences (RFC 7587 §6.1): 10 ms minimum packet time, in-band FEC.</summary>
    public const string OpusFormatParameters = "minptime=10;useinbandfec=1";

    /// <exception cref="ArgumentException"><paramref name="local"/> is invalid (see <see cref="LocalMediaParameters"/>).</exception>
    public static SessionDescription Build(LocalMediaParameters local)
    {
        LocalMediaValidator.Validate(local);
        var sdp = LocalAudioSection.CreateSession(local, local.Mid);
        sdp.Media.Add(LocalAudioSection.CreateMedia(local, Protocol, OfferedCodecs(local), local.Setup, local.Direction, local.Mid));
        return sdp;
    }

    /// <summary>The codecs of our offer, in preference order.</summary>
    public static IReadOnlyList<SdpRtpCodec> OfferedCodecs(LocalMediaParameters local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var codecs = new List<SdpRtpCodec>(5);
        if (local.EnableOpus)
        {
            codecs.Add(new SdpRtpCodec(OpusPayloadType, "opus", 48000, 2, OpusFormatParameters));
        }

        if (local.EnablePcmu)
        {
            codecs.Add(new SdpRtpCodec(PcmuPayloadType, "PCMU", 8000));
        }

        if (local.EnablePcma)
        {
            codecs.Add(new SdpRtpCodec(PcmaPayloadType, "PCMA", 8000));
        }

        if (local.EnableTelephoneEvent48000)
        {
            codecs.Add(new SdpRtpCodec(TelephoneEvent48000PayloadType, "telephone-event", 48000));
        }

        codecs.Add(new SdpRtpCodec(TelephoneEvent8000PayloadType, "telephone-event", 8000));
        return codecs;
    }
}
