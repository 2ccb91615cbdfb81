using CallGateway.Media.Codecs;
using CallGateway.Media.Ice;
using CallGateway.Media.Sdp;

namespace CallGateway.Media.Session;

public sealed partial class MediaSession
{
    /// <summary>Outbound: our offer; connectivity starts when the answer is applied.</summary>
    internal void StartAsOfferer()
    {
        LocalSdp = SdpWriter.Write(AudioOfferBuilder.Build(_local));
        _socket.Start();
    }

    /// <summary>Inbound: answers the remote offer and starts connectivity checks at once.</summary>
    internal void StartAsAnswerer(string remoteOfferSdp)
    {
        if (!SdpParser.TryParse(remoteOfferSdp, out var offer, out var error)
            || !AudioAnswerBuilder.TryBuild(offer, _local, out var answer, out var negotiation, out error))
        {
            throw new MediaNegotiationException($"The SDP offer cannot be answered: {error}");
        }

        LocalSdp = SdpWriter.Write(answer);
        Apply(negotiation);
        _socket.Start();
        _ice.Start(negotiation.IsIceControlling);
    }

    public Task ApplyRemoteAnswerAsync(string remoteAnswerSdp, CancellationToken cancellationToken)
    {
        if (_negotiation is not null)
        {
            throw new MediaNegotiationException("The remote answer was already applied.");
        }

        if (!SdpParser.TryParse(remoteAnswerSdp, out var answer, out var error)
            || !AudioAnswerNegotiator.TryNegotiate(answer, _local, out var negotiation, out error))
        {
            throw new MediaNegotiationException($"The SDP answer cannot be used: {error}");
        }

        Apply(negotiation);
        _ice.Start(negotiation.IsIceControlling);
        return Task.CompletedTask;
    }

    /// <summary>Sets up codecs, RTP streams and the ICE remote side from the negotiated parameters.</summary>
    private void Apply(SdpNegotiation negotiation)
    {
        var codec = negotiation.Codec;
        var options = _engine.Options;
        IAudioEncoder encoder = codec.IsOpus
            ? new OpusAudioEncoder(SampleRate, options.OpusBitrate, options.OpusComplexity, options.OpusInbandFec, options.OpusExpectedLossPercent)
            : new G711AudioEncoder(SampleRate, codec.IsPcma);
        IAudioDecoder decoder = codec.IsOpus ? new OpusAudioDecoder(SampleRate) : new G711AudioDecoder(SampleRate, codec.IsPcma);

        // Meta sends and expects telephone-event/8000 (PT 126); /48000 only when that is all the peer offered.
        var dtmfPayloadType = negotiation.TelephoneEvent8000PayloadType ?? negotiation.TelephoneEvent48000PayloadType;
        var dtmfClock = negotiation.TelephoneEvent8000PayloadType is not null ? 8000 : 48000;
        _sender = new RtpAudioSender(encoder, codec.PayloadType, dtmfPayloadType, dtmfClock, _local.Ssrc);
        _receiver = new RtpAudioReceiver(decoder, codec.PayloadType, encoder.RtpClockRate,
            negotiation.TelephoneEvent8000PayloadType, negotiation.TelephoneEvent48000PayloadType, _engine.Time);
        _negotiation = negotiation;

        var candidates = negotiation.RemoteCandidates.Select(ToIceCandidate).OfType<IceCandidate>().ToList();
        _ice.SetRemote(new IceCredentials(negotiation.RemoteIceUfrag, negotiation.RemoteIcePwd), candidates, negotiation.RemoteIceLite);
        MediaSessionLog.Negotiated(_logger, CallId, codec.Name, codec.ClockRate, codec.PayloadType, dtmfPayloadType,
            negotiation.IsIceControlling, negotiation.DtlsRole);
    }

    /// <summary>UDP, RTP-component candidates with an IP literal; the ICE agent applies the address policy.</summary>
    private static IceCandidate? ToIceCandidate(SdpCandidate c)
    {
        if (!c.IsUdp || c.Component != IceCandidate.RtpComponent || !c.TryGetEndPoint(out var endpoint))
        {
            return null;
        }

        var type = c.Type switch
        {
            "host" => IceCandidateType.Host,
            "srflx" => IceCandidateType.ServerReflexive,
            "prflx" => IceCandidateType.PeerReflexive,
            "relay" => IceCandidateType.Relay,
            _ => (IceCandidateType?)null,
        };
        return type is null ? null : new IceCandidate(c.Foundation, c.Component, "udp", c.Priority, endpoint!, type.Value) { Generation = c.Generation, Ufrag = c.Ufrag };
    }

}
