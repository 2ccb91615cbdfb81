using System.Net;
using System.Net.Sockets;

namespace CallGateway.Media.Transport;

/// <summary>
/// One UDP socket per call, shared by STUN, DTLS and SRTP (RFC 7983). A single receive loop classifies each
/// datagram and hands it to the handler synchronously, so per-call packet handling is serial.
/// </summary>
public sealed class UdpTransport : IAsyncDisposable
{
    /// <summary>Larger than any WebRTC datagram (browsers stay under ~1500 bytes).</summary>
    public const int MaxDatagram = 2048;

    private readonly Socket _socket;
    private readonly IDatagramHandler _handler;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _received;
    private long _sent;
    private long _sendErrors;
    private long _handlerErrors;
    private SendTarget? _lastTarget;

    private UdpTransport(Socket socket, IDatagramHandler handler)
    {
        _socket = socket;
        _handler = handler;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public long DatagramsReceived => Interlocked.Read(ref _received);
    public long DatagramsSent => Interlocked.Read(ref _sent);
    public long SendErrors => Interlocked.Read(ref _sendErrors);
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>Binds a socket on <paramref name="address"/> to a free port of <paramref name="ports"/>.</summary>
    /// <exception cref="SocketException">No port of the range is free.</exception>
    public static UdpTransport Bind(IPAddress address, PortRange ports, IDatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(handler);
        if (ports.IsAny)
        {
            return new UdpTransport(BindTo(address, 0), handler);
        }

        // Start at a random port so concurrent calls do not all race for the first one.
        var start = Random.Shared.Next(ports.Count);
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports.Min + ((start + i) % ports.Count);
            try
            {
                return new UdpTransport(BindTo(address, port), handler);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    /// <summary>Starts the receive loop.</summary>
    public void Start() => _loop ??= Task.Run(ReceiveLoopAsync);

    public void Send(ReadOnlySpan<byte> datagram, IPEndPoint to)
    {
        ArgumentNullException.ThrowIfNull(to);
        try
        {
            if (to.AddressFamily == _socket.AddressFamily)
            {
                // SendTo(EndPoint) serialises the endpoint into a new SocketAddress on every call; a call sends to one
                // remote, so keep its serialised form.
                _socket.SendTo(datagram, SocketFlags.None, SerializedTarget(to));
            }
            else
            {
                _socket.SendTo(datagram, SocketFlags.None, to);
            }

            Interlocked.Increment(ref _sent);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // UDP is best effort: an ICMP-triggered error or a closed socket must not break the media loop.
            Interlocked.Increment(ref _sendErrors);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static Socket BindTo(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The serialised form of <paramref name="to"/>, cached for the last destination (benign race: whole objects).</summary>
    private SocketAddress SerializedTarget(IPEndPoint to)
    {
        var last = Volatile.Read(ref _lastTarget);
        if (last is not null && last.EndPoint.Equals(to))
        {
            return last.Address;
        }

        // A private copy of the endpoint: the caller's instance is mutable.
        var target = new SendTarget(new IPEndPoint(to.Address, to.Port), to.Serialize());
        Volatile.Write(ref _lastTarget, target);
        return target.Address;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[MaxDatagram];
        var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        // Allocation-free receive: the source address lands in a reused SocketAddress, and the IPEndPoint handed to
        // the handler is created only when the source changes (a call's media all comes from one remote). With the
        // EndPoint overloads, receiving and sending cost ~220 B of garbage per datagram (UdpTransportAllocationTests).
        var received = new SocketAddress(_socket.AddressFamily);
        var lastSource = new SocketAddress(_socket.AddressFamily);
        IPEndPoint? from = null;
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, received, _stop.Token).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
            {
                continue; // an ICMP error from an earlier send, or an oversize datagram: keep receiving
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _received);
            if (from is null || !received.Equals(lastSource))
            {
                from = (IPEndPoint)any.Create(received);
                lastSource.Size = received.Size;
                received.Buffer.Span[..received.Size].CopyTo(lastSource.Buffer.Span);
            }

            var span = buffer.AsSpan(0, length);
            try
            {
                _handler.OnDatagram(PacketClassifier.Classify(span), span, from);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One bad datagram (or a handler bug) must not stop the call's media.
                Interlocked.Increment(ref _handlerErrors);
            }
        }
    }

    private sealed record SendTarget(IPEndPoint EndPoint, SocketAddress Address);
}
