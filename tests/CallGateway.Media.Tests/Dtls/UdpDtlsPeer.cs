using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

/// <summary>Decides whether the test pump drops an outgoing datagram (index counts from 0 per peer).</summary>
internal delegate bool DatagramDropFilter(int index, ReadOnlySpan<byte> datagram);

/// <summary>
/// Test pump: one UDP socket on 127.0.0.1 wired to a <see cref="DtlsDatagramTransport"/> and a <see cref="DtlsSession"/>,
/// the way the media session's demultiplexer will wire them. A receive thread feeds every datagram to TryEnqueue;
/// the send callback writes to the peer's address unless <see cref="DropOutgoing"/> says otherwise.
/// </summary>
internal sealed class UdpDtlsPeer : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _receiveThread;
    private int _sendIndex = -1;

    public UdpDtlsPeer(DtlsOptions? options = null)
    {
        Options = options ?? new DtlsOptions();
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        Transport = new DtlsDatagramTransport(Send, Options);
        Session = new DtlsSession(Transport, Options);
        _receiveThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "test-udp-" + LocalEndPoint.Port };
        _receiveThread.Start();
    }

    public DtlsOptions Options { get; }

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint? Remote { get; set; }

    public DtlsDatagramTransport Transport { get; }

    public DtlsSession Session { get; }

    /// <summary>Every datagram DTLS asked to send, in order, including the dropped ones.</summary>
    public ConcurrentQueue<byte[]> Sent { get; } = new();

    public DatagramDropFilter? DropOutgoing { get; set; }

    public int DroppedCount;

    public static (UdpDtlsPeer A, UdpDtlsPeer B) CreatePair(DtlsOptions? a = null, DtlsOptions? b = null)
    {
        var first = new UdpDtlsPeer(a);
        var second = new UdpDtlsPeer(b);
        first.Remote = second.LocalEndPoint;
        second.Remote = first.LocalEndPoint;
        return (first, second);
    }

    public void Dispose()
    {
        Session.Dispose();
        _socket.Dispose();
        _receiveThread.Join(TimeSpan.FromSeconds(2));
    }

    private void Send(ReadOnlySpan<byte> datagram)
    {
        int index = Interlocked.Increment(ref _sendIndex);
        Sent.Enqueue(datagram.ToArray());
        if (DropOutgoing?.Invoke(index, datagram) == true)
        {
            Interlocked.Increment(ref DroppedCount);
            return;
        }

        if (Remote is { } remote)
        {
            _socket.SendTo(datagram, SocketFlags.None, remote);
        }
    }

    private void ReceiveLoop()
    {
        byte[] buffer = new byte[65536];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            // What the lead's demultiplexer does: only DTLS (RFC 7983: first byte 20..63) from the selected remote.
            if (length > 0 && buffer[0] is >= 20 and <= 63 && from.Equals(Remote))
            {
                Transport.TryEnqueue(buffer.AsSpan(0, length));
            }
        }
    }
}
