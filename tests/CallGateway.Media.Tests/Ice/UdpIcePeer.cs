using System.Net;
using System.Net.Sockets;
using CallGateway.Media.Ice;
using CallGateway.Media.Stun;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallGateway.Media.Tests.Ice;

/// <summary>
/// An <see cref="IceAgent"/> on a real UDP socket bound to 127.0.0.1, standing in for the media session: a receive
/// loop feeds STUN to the agent and the socket is the agent's sender. Can drop inbound requests or go silent.
/// </summary>
internal sealed class UdpIcePeer : IIceDatagramSender, IDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private readonly HashSet<StunTransactionId> _nominationIds = [];
    private int _sent;
    private int _requestsToDrop;
    private volatile bool _muted;

    static UdpIcePeer()
    {
        // The agent's timers are thread-pool callbacks. On a loaded 2-core machine the test host keeps the default
        // minimum of pool workers busy and the pool does not grow under high CPU, which was measured to delay every
        // timer by ~0.8 s and made consent tests flap. Real deployments must not starve the pool either.
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
    }

    public UdpIcePeer(IceAgentOptions options, IceCredentials? credentials = null, ILogger? logger = null)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        Candidate = IceCandidate.CreateHost(EndPoint);
        Credentials = credentials ?? IceCredentials.Generate();
        Agent = new IceAgent(options, Credentials, [Candidate], this, TimeProvider.System, logger ?? NullLogger.Instance);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public IceAgent Agent { get; }

    public IceCredentials Credentials { get; }

    public IPEndPoint EndPoint { get; }

    public IceCandidate Candidate { get; }

    /// <summary>Datagrams the agent sent through this socket.</summary>
    public int SentCount => Volatile.Read(ref _sent);

    /// <summary>Distinct USE-CANDIDATE requests (by transaction ID) that reached this peer.</summary>
    public int NominationsReceived
    {
        get
        {
            lock (_nominationIds)
            {
                return _nominationIds.Count;
            }
        }
    }

    /// <summary>When set, nothing is received or sent any more (a peer that vanished).</summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>Drops the next <paramref name="count"/> inbound Binding requests before the agent sees them.</summary>
    public void DropNextRequests(int count) => Volatile.Write(ref _requestsToDrop, count);

    public void Send(ReadOnlySpan<byte> datagram, IPEndPoint remote)
    {
        if (_muted)
        {
            return;
        }

        _socket.SendTo(datagram, SocketFlags.None, remote);
        Interlocked.Increment(ref _sent);
    }

    public void Dispose()
    {
        Agent.Dispose();
        _stop.Cancel();
        _socket.Dispose();
        _receiveLoop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!_muted)
            {
                Deliver(buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
            }
        }
    }

    private void Deliver(ReadOnlySpan<byte> packet, IPEndPoint from)
    {
        if (StunMessage.TryParse(packet, out StunMessage? message) && message.Class == StunMessageClass.Request)
        {
            if (Interlocked.Decrement(ref _requestsToDrop) >= 0)
            {
                return;
            }

            if (message.HasUseCandidate)
            {
                lock (_nominationIds)
                {
                    _nominationIds.Add(message.TransactionId);
                }
            }
        }

        Agent.ProcessStun(packet, from);
    }
}
