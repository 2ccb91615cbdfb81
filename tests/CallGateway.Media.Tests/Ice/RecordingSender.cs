using System.Net;
using CallGateway.Media.Ice;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Tests.Ice;

/// <summary>An <see cref="IIceDatagramSender"/> that only records (for tests that need no network).</summary>
internal sealed class RecordingSender : IIceDatagramSender
{
    private readonly Lock _gate = new();
    private readonly List<(StunMessage Message, IPEndPoint To)> _sent = [];

    public IReadOnlyList<(StunMessage Message, IPEndPoint To)> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    public void Send(ReadOnlySpan<byte> datagram, IPEndPoint remote)
    {
        Assert.True(StunMessage.TryParse(datagram, out StunMessage? message));
        lock (_gate)
        {
            _sent.Add((message, remote));
        }
    }
}
