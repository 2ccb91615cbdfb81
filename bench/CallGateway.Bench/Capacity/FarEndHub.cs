using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CallGateway.Bench.Infrastructure;
using CallGateway.Media.Dtls;
using CallGateway.Media.Ice;

namespace CallGateway.Bench.Capacity;

/// <summary>
/// All far ends of a capacity run behind ONE UDP socket and TWO threads, so their CPU is small and measurable:
/// <list type="bullet">
/// <item>a receive thread reads the socket (allocation-free <c>ReceiveFrom</c> with a reused <see cref="SocketAddress"/>)
/// and dispatches by source port to the peer of that gateway session (every gateway session has its own socket);</item>
/// <item>a send thread ticks every 20 ms on an absolute schedule and sends each connected peer's next pre-encoded
/// packet (SRTP protect + sendto). Ticks that start more than 20 ms late are counted; after a stall of more than
/// 200 ms it resynchronises and counts the skipped ticks, like the gateway's MediaClock.</item>
/// </list>
/// The threads' own CPU time is read from /proc so the gateway's share of the process CPU can be reported.
/// </summary>
internal sealed class FarEndHub : IIceDatagramSender, IDisposable
{
    private static readonly long FrameTicks = Stopwatch.Frequency / 50;
    private readonly Socket _socket;
    private readonly FarEndPeer?[] _byPort = new FarEndPeer?[65536];
    private readonly List<FarEndPeer> _peers = [];
    private readonly Lock _gate = new();
    private readonly Thread _receiver;
    private readonly Thread _sender;
    private readonly ManualResetEventSlim _stop = new();
    private readonly byte[][] _packets;
    private FarEndPeer[] _snapshot = [];
    private volatile int _receiverTid;
    private volatile int _senderTid;
    private long _unknownSource;
    private long _ticks;
    private long _lateTicks;
    private long _skippedTicks;
    private int _disposed;

    /// <param name="packets">Pre-encoded 20 ms Opus packets, replayed in a loop by every peer.</param>
    /// <param name="verifyReceived">Authenticate and decrypt what the gateway sends (SRTP unprotect; no decoding).</param>
    public FarEndHub(byte[][] packets, bool verifyReceived)
    {
        _packets = packets;
        VerifyReceived = verifyReceived;
        Certificate = DtlsCertificate.Generate("far-end");
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        // Ask for a large buffer (the kernel caps it at net.core.rmem_max): N gateways' packets arrive in bursts.
        _socket.ReceiveBufferSize = 8 << 20;
        _socket.SendBufferSize = 8 << 20;
        _socket.ReceiveTimeout = 200;
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "far-end-receive" };
        _sender = new Thread(SendLoop) { IsBackground = true, Name = "far-end-send", Priority = ThreadPriority.AboveNormal };
        _receiver.Start();
        _sender.Start();
    }

    public IPEndPoint LocalEndPoint { get; }

    public DtlsCertificate Certificate { get; }

    public bool VerifyReceived { get; }

    public long UnknownSource => Interlocked.Read(ref _unknownSource);

    public long Ticks => Interlocked.Read(ref _ticks);

    public long LateTicks => Interlocked.Read(ref _lateTicks);

    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    public IReadOnlyList<FarEndPeer> Peers
    {
        get
        {
            lock (_gate)
            {
                return [.. _peers];
            }
        }
    }

    /// <summary>CPU used so far by the far end's two threads (the gateway's share is the process total minus this).</summary>
    public TimeSpan ThreadsCpu => LinuxProc.ThreadCpu(_receiverTid) + LinuxProc.ThreadCpu(_senderTid);

    public FarEndPeer CreatePeer(int index)
    {
        var peer = new FarEndPeer(this, index);
        lock (_gate)
        {
            _peers.Add(peer);
            _snapshot = [.. _peers];
        }

        return peer;
    }

    /// <summary>Routes datagrams from the gateway session on <paramref name="gatewayPort"/> to <paramref name="peer"/>.</summary>
    public void Register(int gatewayPort, FarEndPeer peer) => Volatile.Write(ref _byPort[gatewayPort], peer);

    void IIceDatagramSender.Send(ReadOnlySpan<byte> datagram, IPEndPoint remote) => SendTo(datagram, remote.Serialize());

    public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, to);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Best effort, like UDP.
        }
    }

    /// <summary>Stops both threads, then closes every peer and the socket.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Set();
        _sender.Join(TimeSpan.FromSeconds(5));
        _receiver.Join(TimeSpan.FromSeconds(5));
        foreach (var peer in Peers)
        {
            peer.Dispose();
        }

        _socket.Dispose();
        _stop.Dispose();
        Certificate.Dispose();
    }

    private void ReceiveLoop()
    {
        _receiverTid = LinuxProc.CurrentThreadId();
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop.IsSet)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            // sockaddr_in: family (2 bytes), port (2 bytes, network order), IPv4 address.
            var address = from.Buffer.Span;
            var port = (address[2] << 8) | address[3];
            var peer = Volatile.Read(ref _byPort[port]);
            if (peer is null)
            {
                _unknownSource++;
                continue;
            }

            try
            {
                peer.OnDatagram(buffer.AsSpan(0, length));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _unknownSource++;
            }
        }
    }

    private void SendLoop()
    {
        _senderTid = LinuxProc.CurrentThreadId();
        var started = Stopwatch.GetTimestamp();
        long tick = 0;
        while (!_stop.IsSet)
        {
            var due = started + (tick * FrameTicks);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero && _stop.Wait(wait))
            {
                return;
            }

            var late = Stopwatch.GetElapsedTime(due);
            if (late > TimeSpan.FromMilliseconds(200))
            {
                Interlocked.Add(ref _skippedTicks, (long)(late / TimeSpan.FromMilliseconds(20)));
                started = Stopwatch.GetTimestamp();
                tick = 0;
                continue;
            }

            if (late > TimeSpan.FromMilliseconds(20))
            {
                Interlocked.Increment(ref _lateTicks);
            }

            foreach (var peer in Volatile.Read(ref _snapshot))
            {
                peer.SendAudio(_packets, peer.PayloadType);
            }

            Interlocked.Increment(ref _ticks);
            tick++;
        }
    }
}
