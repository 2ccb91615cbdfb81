using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

/// <summary>The established association: close_notify, transport closure, misuse.</summary>
public partial class DtlsSessionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CloseAsync_SendsCloseNotify_PeerRaisesClosedOnce(bool clientCloses)
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            await HandshakeAsync(client, server);
            (UdpDtlsPeer closer, UdpDtlsPeer other) = clientCloses ? (client, server) : (server, client);
            var closerEvents = new List<DtlsClosedEventArgs>();
            var otherClosed = new TaskCompletionSource<DtlsClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            int otherCount = 0;
            closer.Session.Closed += (_, e) => { lock (closerEvents) { closerEvents.Add(e); } };
            other.Session.Closed += (_, e) =>
            {
                Interlocked.Increment(ref otherCount);
                otherClosed.TrySetResult(e);
            };

            await closer.Session.CloseAsync();
            await closer.Session.CloseAsync();
            DtlsClosedEventArgs received = await otherClosed.Task.WaitAsync(Bound);

            Assert.Equal(DtlsCloseReason.CloseNotify, received.Reason);
            Assert.Equal((byte)0, received.AlertDescription);
            Assert.False(other.Session.IsEstablished);
            Assert.True(other.Transport.IsClosed);
            await WaitUntilAsync(() => { lock (closerEvents) { return closerEvents.Count > 0; } });
            Assert.Equal(DtlsCloseReason.LocalClose, Assert.Single(closerEvents).Reason);
            Assert.Equal(1, otherCount);
            Assert.True(closer.Transport.IsClosed);
        }
    }

    [Fact]
    public async Task TransportClosedByOwner_AfterHandshake_RaisesClosedWithTransportClosed()
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            await HandshakeAsync(client, server);
            var closed = new TaskCompletionSource<DtlsClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            server.Session.Closed += (_, e) => closed.TrySetResult(e);

            server.Transport.Close();

            Assert.Equal(DtlsCloseReason.TransportClosed, (await closed.Task.WaitAsync(Bound)).Reason);
            Assert.False(server.Session.IsEstablished);
        }
    }

    [Fact]
    public async Task CloseAsync_DuringHandshake_FailsHandshakeWithTransportClosed()
    {
        (UdpDtlsPeer local, UdpDtlsPeer silent) = UdpDtlsPeer.CreatePair();
        using (local)
        using (silent)
        {
            Task<DtlsHandshakeResult> handshake = local.Session.HandshakeAsync(
                DtlsRole.Client, ClientCertificate, ServerCertificate.Fingerprint);
            await WaitUntilAsync(() => !local.Sent.IsEmpty);

            await local.Session.CloseAsync();

            DtlsHandshakeException error = await Assert.ThrowsAsync<DtlsHandshakeException>(() => handshake.WaitAsync(Bound));
            Assert.Equal(DtlsFailureReason.TransportClosed, error.Reason);
        }
    }

    [Fact]
    public async Task HandshakeAsync_SecondCall_Throws()
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            await HandshakeAsync(client, server);

            await Assert.ThrowsAsync<InvalidOperationException>(() => client.Session.HandshakeAsync(
                DtlsRole.Client, ClientCertificate, ServerCertificate.Fingerprint));
            Assert.True(client.Session.IsEstablished);
        }
    }

    [Fact]
    public async Task RetransmittedDatagramsAfterHandshake_AreConsumedWithoutEndingTheAssociation()
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            await HandshakeAsync(client, server);
            long before = server.Transport.EnqueuedCount;

            // Replay the client's whole handshake to the server: duplicates and an old epoch, all to be tolerated.
            foreach (byte[] datagram in client.Sent)
            {
                Assert.True(server.Transport.TryEnqueue(datagram));
            }

            await WaitUntilAsync(() => server.Transport.PendingCount == 0);
            Assert.True(server.Transport.EnqueuedCount > before);
            Assert.True(server.Session.IsEstablished);
            Assert.True(client.Session.IsEstablished);
        }
    }

    [Fact]
    public async Task ForgedRecordAfterHandshake_IsDiscardedAndTheAssociationSurvives()
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            await HandshakeAsync(client, server);
            var closed = new TaskCompletionSource<DtlsClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            server.Session.Closed += (_, e) => closed.TrySetResult(e);

            // An epoch-1 record with a fresh sequence number and a flipped ciphertext byte fails authentication.
            // RFC 6347 §4.1.2.7: discard it silently; an off-path forgery must not end the call.
            byte[] forged = client.Sent.Last(d => DtlsRecords.ContentType(d) == DtlsRecords.Handshake && DtlsRecords.Epoch(d) == 1);
            forged = (byte[])forged.Clone();
            forged[9] = 0x7F;
            forged[^1] ^= 0x55;
            Assert.True(server.Transport.TryEnqueue(forged));
            await WaitUntilAsync(() => server.Transport.PendingCount == 0);

            Assert.True(server.Session.IsEstablished);
            Assert.DoesNotContain(server.Sent, d => DtlsRecords.ContentType(d) == DtlsRecords.Alert);

            // Still a working association: the client's close_notify is processed normally.
            await client.Session.CloseAsync();
            Assert.Equal(DtlsCloseReason.CloseNotify, (await closed.Task.WaitAsync(Bound)).Reason);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
