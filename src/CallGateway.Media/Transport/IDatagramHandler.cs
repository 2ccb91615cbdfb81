using System.Net;

namespace CallGateway.Media.Transport;

/// <summary>Receives the datagrams of a <see cref="UdpTransport"/> on its receive loop.</summary>
public interface IDatagramHandler
{
    /// <param name="datagram">Valid only during the call: copy what must be kept.</param>
    void OnDatagram(PacketKind kind, Span<byte> datagram, IPEndPoint from);
}
