using System.Net;
using CallGateway.Media.Srtp;
using CallGateway.Media.Transport;

namespace CallGateway.Media.Session;

public sealed partial class MediaSession
{
    private long _packetsRejected;
    private long _packetsFromStrangers;

    /// <summary>
    /// The socket's receive loop: STUN to ICE; DTLS and SRTP only from a remote that passed an authenticated ICE
    /// check (nobody else can inject handshake records or media).
    /// </summary>
    public void OnDatagram(PacketKind kind, Span<byte> datagram, IPEndPoint from)
    {
        switch (kind)
        {
            case PacketKind.Stun:
                _ice.ProcessStun(datagram, from);
                return;
            case PacketKind.Unknown:
                return;
        }

        if (!_ice.IsPermittedSource(from))
        {
            Interlocked.Increment(ref _packetsFromStrangers);
            return;
        }

        switch (kind)
        {
            case PacketKind.Dtls:
                _dtlsTransport.TryEnqueue(datagram);
                break;
            case PacketKind.Rtp:
                ReceiveRtp(datagram);
                break;
            case PacketKind.Rtcp:
                ReceiveRtcp(datagram);
                break;
        }
    }

    private void ReceiveRtp(Span<byte> packet)
    {
        if (_srtpIn is not { } srtp || _receiver is not { } receiver)
        {
            return;
        }

        if (srtp.UnprotectRtp(packet, packet.Length, out var plain) != SrtpResult.Ok)
        {
            Interlocked.Increment(ref _packetsRejected);
            return;
        }

        receiver.OnRtp(packet[..plain]);
    }

    private void ReceiveRtcp(Span<byte> packet)
    {
        if (_srtpIn is not { } srtp)
        {
            return;
        }

        if (srtp.UnprotectRtcp(packet, packet.Length, out var plain) != SrtpResult.Ok)
        {
            Interlocked.Increment(ref _packetsRejected);
            return;
        }

        OnRtcp(packet[..plain]);
    }
}
