using System.Net;
using System.Net.Sockets;
using CallGateway.Media.Transport;

namespace CallGateway.Media.Tests.Transport;

[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;

/// <summary>
/// The per-packet path of a call must not produce garbage: at 50 packets/s each way per call, a few hundred bytes per
/// datagram add up to megabytes per second (and GC pauses in the media clock) at a few hundred calls. Measured
/// process-wide while no other test runs (this collection is not parallelised), with a generous bound.
/// </summary>
[Collection(nameof(AllocationSensitive))]
public class UdpTransportAllocationTests
{
    private const int Datagrams = 4000;

    [Fact]
    public async Task ReceivingAndSendingFromOneRemote_AllocatesAlmostNothingPerDatagram()
    {
        var handler = new CountingHandler();
        await using var transport = UdpTransport.Bind(IPAddress.Loopback, PortRange.Any, handler);
        transport.Start();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.ReceiveBufferSize = 1 << 20;
        var peerEndPoint = (IPEndPoint)peer.LocalEndPoint!;
        var target = transport.LocalEndPoint.Serialize();
        var datagram = new byte[172];
        datagram[0] = 0x80;
        datagram[1] = 0x6F;

        // Warm up (JIT, socket engine, first endpoint), then measure. The exchange runs on a dedicated thread and waits
        // by spinning, so the test itself allocates (almost) nothing while the counter runs.
        await RunDedicatedAsync(() => Exchange(200));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await RunDedicatedAsync(() => Exchange(Datagrams));
        var perDatagram = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Datagrams;

        // Before the fix: ~220 B per datagram: the EndPoint overloads of ReceiveFromAsync and SendTo allocate each time.
        Assert.True(perDatagram < 64, $"{perDatagram:F0} bytes allocated per received+sent datagram");

        void Exchange(int count)
        {
            var start = handler.Count;
            for (var i = 0; i < count; i++)
            {
                peer.SendTo(datagram, SocketFlags.None, target);
                transport.Send(datagram, peerEndPoint);
                if (i % 50 == 49)
                {
                    // Let the receive loop keep up so the socket buffer never overflows.
                    handler.WaitFor(start + i + 1);
                }
            }

            handler.WaitFor(start + count);
            var drain = new byte[256];
            while (peer.Available > 0)
            {
                peer.Receive(drain);
            }
        }
    }

    private static Task RunDedicatedAsync(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private sealed class CountingHandler : IDatagramHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void OnDatagram(PacketKind kind, Span<byte> datagram, IPEndPoint from) => Interlocked.Increment(ref _count);

        public void WaitFor(int count)
        {
            if (!SpinWait.SpinUntil(() => Count >= count, TimeSpan.FromSeconds(10)))
            {
                Assert.Fail($"received {Count} of {count} datagrams");
            }
        }
    }
}
