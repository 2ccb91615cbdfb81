using System.Diagnostics;
using CallGateway.Media.Dtls;
using Org.BouncyCastle.Tls;

namespace CallGateway.Media.Tests.Dtls;

public class DtlsDatagramTransportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void TryEnqueue_Oversize_DroppedAndCounted()
    {
        using var transport = new DtlsDatagramTransport(_ => { });

        Assert.False(transport.TryEnqueue(new byte[transport.ReceiveLimit + 1]));
        Assert.True(transport.TryEnqueue(new byte[transport.ReceiveLimit]));

        Assert.Equal(1, transport.DroppedOversizeCount);
        Assert.Equal(1, transport.EnqueuedCount);
        Assert.Equal(1, transport.PendingCount);
    }

    [Fact]
    public void TryEnqueue_QueueFull_DroppedAndCounted()
    {
        using var transport = new DtlsDatagramTransport(_ => { }, new DtlsOptions { ReceiveQueueCapacity = 4 });

        for (int i = 0; i < 4; i++)
        {
            Assert.True(transport.TryEnqueue([22, (byte)i]));
        }

        Assert.False(transport.TryEnqueue([22, 9]));
        Assert.Equal(1, transport.DroppedOverflowCount);
        Assert.Equal(4, transport.PendingCount);
    }

    [Fact]
    public void Receive_QueuedDatagram_ReturnsCopyInOrder()
    {
        using var transport = new DtlsDatagramTransport(_ => { });
        DatagramTransport bc = transport;
        byte[] first = [22, 254, 253, 1];
        transport.TryEnqueue(first);
        transport.TryEnqueue([23, 7]);
        first[0] = 0; // the transport kept its own copy

        byte[] buffer = new byte[bc.GetReceiveLimit()];
        Assert.Equal(4, bc.Receive(buffer, 0, buffer.Length, 100));
        Assert.Equal([22, 254, 253, 1], buffer[..4]);
        Assert.Equal(2, bc.Receive(buffer.AsSpan(), 100));
        Assert.Equal([23, 7], buffer[..2]);
    }

    [Fact]
    public void Receive_NothingQueued_ReturnsMinusOneAfterWait()
    {
        using var transport = new DtlsDatagramTransport(_ => { });
        DatagramTransport bc = transport;
        var stopwatch = Stopwatch.StartNew();

        int received = bc.Receive(new byte[1500], 0, 1500, 50);

        Assert.Equal(-1, received);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(40), Bound);
    }

    [Fact]
    public async Task Receive_WaitZero_WaitsUntilEnqueued()
    {
        using var transport = new DtlsDatagramTransport(_ => { });
        DatagramTransport bc = transport;
        Task<int> receive = Task.Factory.StartNew(
            () => bc.Receive(new byte[1500], 0, 1500, 0), CancellationToken.None, TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        await Task.Delay(100);
        Assert.False(receive.IsCompleted); // 0 = wait forever (BouncyCastle's contract)
        transport.TryEnqueue([22, 1, 2]);

        Assert.Equal(3, await receive.WaitAsync(Bound));
    }

    [Fact]
    public async Task Close_BlockedReceiver_IsReleasedWithUserCanceled()
    {
        using var transport = new DtlsDatagramTransport(_ => { });
        DatagramTransport bc = transport;
        Task<int> receive = Task.Factory.StartNew(
            () => bc.Receive(new byte[1500], 0, 1500, 0), CancellationToken.None, TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await Task.Delay(50);

        transport.Close();

        TlsFatalAlert alert = await Assert.ThrowsAsync<TlsFatalAlert>(() => receive.WaitAsync(Bound));
        Assert.Equal(AlertDescription.user_canceled, alert.AlertDescription);
        Assert.True(transport.IsClosed);
        Assert.False(transport.TryEnqueue([22]));
    }

    [Fact]
    public void Send_ForwardsUntilClosed_AndCountsSocketErrors()
    {
        var sent = new List<byte[]>();
        bool fail = false;
        using var transport = new DtlsDatagramTransport(datagram =>
        {
            if (fail)
            {
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NetworkUnreachable);
            }

            sent.Add(datagram.ToArray());
        });
        DatagramTransport bc = transport;

        bc.Send([22, 1], 0, 2);
        fail = true;
        bc.Send([22, 2]);
        fail = false;
        transport.Close();
        bc.Send([22, 3]);

        Assert.Single(sent);
        Assert.Equal([22, 1], sent[0]);
        Assert.Equal(1, transport.SentCount);
        Assert.Equal(1, transport.SendFailureCount);
        Assert.Equal(1200, bc.GetSendLimit());
        Assert.Equal(1500, bc.GetReceiveLimit());
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DtlsDatagramTransport(_ => { }, new DtlsOptions { ReceiveLimit = 1400 }));
        Assert.Throws<ArgumentNullException>(() => new DtlsDatagramTransport(null!));
    }
}
