using System.Net;
using System.Net.Sockets;
using CallGateway.Media.Ice;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Tests.Ice;

/// <summary>
/// A hand-driven STUN endpoint on 127.0.0.1 for wire-level tests: sends checks built with
/// <see cref="StunMessageWriter"/>, receives and answers what an agent sends.
/// </summary>
internal sealed class RawStunPeer : IDisposable
{
    private readonly Socket _socket;

    public RawStunPeer(IceCredentials? credentials = null)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        Candidate = IceCandidate.CreateHost(EndPoint);
        Credentials = credentials ?? IceCredentials.Generate();
    }

    public IPEndPoint EndPoint { get; }

    public IceCandidate Candidate { get; }

    public IceCredentials Credentials { get; }

    public static byte[] BuildCheck(
        string username, string password, bool useCandidate, ulong? controlling = null, ulong? controlled = null,
        uint priority = 1853824767, StunTransactionId? id = null)
    {
        var buffer = new byte[512];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, id ?? StunTransactionId.NewRandom());
        writer.AddUsername(username);
        writer.AddPriority(priority);
        if (controlling is ulong c)
        {
            writer.AddIceControlling(c);
        }

        if (controlled is ulong d)
        {
            writer.AddIceControlled(d);
        }

        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        writer.AddMessageIntegrity(StunCredentials.ShortTermKey(password));
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));
        return buffer[..written];
    }

    /// <summary>A check towards an agent with these credentials (USERNAME "agentUfrag:ourUfrag").</summary>
    public byte[] CheckFor(IceCredentials agent, bool useCandidate, ulong controlling = 1) =>
        BuildCheck(agent.Ufrag + ":" + Credentials.Ufrag, agent.Password, useCandidate, controlling: controlling);

    public void Send(byte[] datagram, IPEndPoint to) => _socket.SendTo(datagram, SocketFlags.None, to);

    /// <summary>Answers a request with a success response signed with our password.</summary>
    public void RespondSuccess(StunMessage request, IPEndPoint to)
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMessageClass.SuccessResponse, StunMethod.Binding, request.TransactionId);
        writer.AddXorMappedAddress(to);
        writer.AddMessageIntegrity(StunCredentials.ShortTermKey(Credentials.Password));
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));
        Send(buffer[..written], to);
    }

    /// <summary>Answers with an error response, signed with <paramref name="password"/> when given.</summary>
    public void RespondError(StunMessage request, IPEndPoint to, int code, string? password)
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMessageClass.ErrorResponse, StunMethod.Binding, request.TransactionId);
        writer.AddErrorCode(code, "test");
        if (password is not null)
        {
            writer.AddMessageIntegrity(StunCredentials.ShortTermKey(password));
        }

        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));
        Send(buffer[..written], to);
    }

    /// <summary>Receives one STUN message or returns null when none arrives within the timeout.</summary>
    public async Task<(StunMessage Message, IPEndPoint From)?> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[2048];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            SocketReceiveFromResult result = await _socket.ReceiveFromAsync(
                buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancel.Token);
            Assert.True(StunMessage.TryParse(buffer.AsSpan(0, result.ReceivedBytes), out StunMessage? message));
            return (message, (IPEndPoint)result.RemoteEndPoint);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Receives until a request arrives (skipping retransmissions of <paramref name="skip"/>).</summary>
    public async Task<(StunMessage Message, IPEndPoint From)> ReceiveRequestAsync(TimeSpan timeout, StunTransactionId? skip = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (TimeSpan remaining = timeout; remaining > TimeSpan.Zero; remaining = deadline - DateTime.UtcNow)
        {
            (StunMessage Message, IPEndPoint From)? received = await ReceiveAsync(remaining);
            if (received is { } r && r.Message.Class == StunMessageClass.Request && r.Message.TransactionId != skip)
            {
                return r;
            }
        }

        throw new TimeoutException("no request arrived");
    }

    public void Dispose() => _socket.Dispose();
}
