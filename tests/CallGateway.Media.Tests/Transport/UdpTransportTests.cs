using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CallGateway.Media.Transport;

namespace CallGateway.Media.Tests.Transport;

public class UdpTransportTests
{
    [Fact]
    public async Task ReceiveLoop_ClassifiesAndDeliversWithSource()
    {
        var handler = new Recorder();
        await using var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, handler);
        transport.Start();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await peer.SendAsync(new byte[] { 0x00, 0x01, 0, 0 }, transport.LocalEndPoint);
        await peer.SendAsync(new byte[] { 0x16, 0xFE, 0xFD }, transport.LocalEndPoint);
        await peer.SendAsync(new byte[] { 0x80, 0x6F, 0, 1 }, transport.LocalEndPoint);

        await handler.WaitForAsync(3);
        Assert.Equal([PacketKind.Stun, PacketKind.Dtls, PacketKind.Rtp], handler.Seen.Select(s => s.Kind));
        Assert.All(handler.Seen, s => Assert.Equal(peer.Client.LocalEndPoint, s.From));
        Assert.Equal(3, transport.DatagramsReceived);
    }

    [Fact]
    public async Task ReceiveLoop_ReportsEachDatagramsOwnSource_WhenSourcesAlternate()
    {
        // The loop reuses the source endpoint while it does not change; a new source must still be reported as such.
        var handler = new Recorder();
        await using var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, handler);
        transport.Start();
        using var a = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var b = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        UdpClient[] order = [a, a, b, a, b, b, a];
        for (var i = 0; i < order.Length; i++)
        {
            await order[i].SendAsync(new byte[] { 0x80, 0x6F, 0, (byte)i }, transport.LocalEndPoint);
            await handler.WaitForAsync(i + 1);
        }

        var seen = handler.Seen.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            Assert.Equal(i, seen[i].Data[3]);
            Assert.Equal(order[i].Client.LocalEndPoint, seen[i].From);
        }
    }

    [Fact]
    public async Task Send_ReachesEachDestination_WhenDestinationsAlternate()
    {
        await using var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, new Recorder());
        using var a = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var b = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var toA = (IPEndPoint)a.Client.LocalEndPoint!;
        var toB = (IPEndPoint)b.Client.LocalEndPoint!;
        transport.Send([1], toA);
        transport.Send([2], toB);
        transport.Send([3], new IPEndPoint(toA.Address, toA.Port));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal([1], (await a.ReceiveAsync(cts.Token)).Buffer);
        Assert.Equal([2], (await b.ReceiveAsync(cts.Token)).Buffer);
        Assert.Equal([3], (await a.ReceiveAsync(cts.Token)).Buffer);
        Assert.Equal(3, transport.DatagramsSent);
    }

    [Fact]
    public async Task Send_ReachesThePeer()
    {
        await using var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, new Recorder());
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Send([1, 2, 3], (IPEndPoint)peer.Client.LocalEndPoint!);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var got = await peer.ReceiveAsync(cts.Token);
        Assert.Equal([1, 2, 3], got.Buffer);
        Assert.Equal(transport.LocalEndPoint, got.RemoteEndPoint);
    }

    [Fact]
    public async Task Bind_UsesTheRangeAndFailsWhenItIsExhausted()
    {
        var port = FreePort();
        var range = new PortRange(port, port);
        await using var first = UdpTransport.Bind(IPAddress.Loopback, range, new Recorder());
        Assert.Equal(port, first.LocalEndPoint.Port);
        Assert.Throws<SocketException>(() => UdpTransport.Bind(IPAddress.Loopback, range, new Recorder()));
    }

    [Fact]
    public async Task HandlerFailure_DoesNotStopTheLoop()
    {
        var handler = new Recorder { ThrowOnFirst = true };
        await using var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, handler);
        transport.Start();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await peer.SendAsync(new byte[] { 0x80, 0x6F }, transport.LocalEndPoint);
        await peer.SendAsync(new byte[] { 0x80, 0x6F }, transport.LocalEndPoint);
        await handler.WaitForAsync(2);
        Assert.Equal(1, transport.HandlerErrors);
    }

    [Fact]
    public async Task Dispose_StopsReceiving()
    {
        var handler = new Recorder();
        var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, handler);
        transport.Start();
        var endpoint = transport.LocalEndPoint;
        await transport.DisposeAsync();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await peer.SendAsync(new byte[] { 0x80, 0x6F }, endpoint);
        await Task.Delay(100);
        Assert.Empty(handler.Seen);
    }

    private static int FreePort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    private sealed class Recorder : IDatagramHandler
    {
        private int _calls;

        public bool ThrowOnFirst { get; init; }

        public ConcurrentQueue<(PacketKind Kind, byte[] Data, IPEndPoint From)> Seen { get; } = new();

        public void OnDatagram(PacketKind kind, Span<byte> datagram, IPEndPoint from)
        {
            Seen.Enqueue((kind, datagram.ToArray(), from));
            if (Interlocked.Increment(ref _calls) == 1 && ThrowOnFirst)
            {
                throw new InvalidOperationException("handler bug");
            }
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (Seen.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(count, Seen.Count);
        }
    }
}
