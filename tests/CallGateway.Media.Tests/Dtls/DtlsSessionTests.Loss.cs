using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

/// <summary>Lost flights (RFC 6347 §4.2.4) and a browser-style, fragmented ClientHello.</summary>
public partial class DtlsSessionTests
{
    [Fact]
    public async Task HandshakeAsync_FirstClientHelloDropped_RetransmitsAfter200MsAndCompletesUnderOneSecond()
    {
        await WarmUpAsync();
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            client.DropOutgoing = (index, _) => index == 0;

            (DtlsHandshakeResult c, _) = await HandshakeAsync(client, server);

            // BouncyCastle's default first retransmission would come after 1 s; ours after 200 ms. Elapsed is measured
            // on the handshake thread, so thread-pool hiccups in the test host do not blur it.
            Assert.InRange(c.Elapsed, TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(999));
            Assert.Equal(1, client.DroppedCount);
            Assert.Equal(2, client.Sent.Count(d => DtlsRecords.IsClientHello(d)));
        }
    }

    [Fact]
    public async Task HandshakeAsync_ServerFinalFlightDroppedOnce_PostHandshakeModeAnswersClientRetransmit()
    {
        // The server's last flight is ChangeCipherSpec + Finished (epoch 1). Drop the first copy of each. The server's
        // Accept has already returned, so only the post-handshake drain can answer the client's retransmitted flight
        // by resending them (RFC 6347 §4.2.4); otherwise the client would time out.
        var clientOptions = new DtlsOptions { HandshakeTimeout = TimeSpan.FromSeconds(5) };
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair(clientOptions);
        using (client)
        using (server)
        {
            int ccsSeen = 0;
            int finishedSeen = 0;
            var resentWhileEstablished = new List<bool>();
            server.DropOutgoing = (_, datagram) =>
            {
                if (DtlsRecords.ContentType(datagram) == DtlsRecords.ChangeCipherSpec)
                {
                    if (Interlocked.Increment(ref ccsSeen) == 1)
                    {
                        return true;
                    }

                    lock (resentWhileEstablished)
                    {
                        resentWhileEstablished.Add(server.Session.IsEstablished);
                    }

                    return false;
                }

                return DtlsRecords.ContentType(datagram) == DtlsRecords.Handshake && DtlsRecords.Epoch(datagram) == 1
                    && Interlocked.Increment(ref finishedSeen) == 1;
            };
            (DtlsHandshakeResult c, DtlsHandshakeResult s) = await HandshakeAsync(client, server);

            Assert.Equal(2, server.DroppedCount);

            // Each resend answers one client retransmission and came from the established session's drain, not from
            // Accept. Normally one (at 200 ms); a busy thread pool can delay the answer past the client's next retry.
            lock (resentWhileEstablished)
            {
                Assert.NotEmpty(resentWhileEstablished);
                Assert.All(resentWhileEstablished, Assert.True);
            }

            Assert.InRange(c.Elapsed, TimeSpan.FromMilliseconds(180), clientOptions.HandshakeTimeout);
            Assert.Equal(c.SrtpKeys.LocalMasterKey.ToArray(), s.SrtpKeys.RemoteMasterKey.ToArray());
            Assert.True(server.Session.IsEstablished);
        }
    }

    [Fact]
    public async Task HandshakeAsync_BrowserStyleDtls13ClientHelloInTwoRecords_NegotiatesDtls12()
    {
        // What Chromium sends today: supported_versions {DTLS 1.3, DTLS 1.2}, supported_groups led by
        // X25519MLKEM768 (0x11EC) and a key_share with a 1216-byte hybrid share, so the ClientHello exceeds the
        // 1200-byte send limit and is fragmented over two records (RFC 6347 §4.2.3).
        var clientOptions = new DtlsOptions { ExtraClientHelloExtensions = BrowserClientHelloExtensions() };
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair(clientOptions);
        using (client)
        using (server)
        {
            (DtlsHandshakeResult c, DtlsHandshakeResult s) = await HandshakeAsync(client, server);

            Assert.Equal("DTLS 1.2", c.ProtocolVersion);
            Assert.Equal("DTLS 1.2", s.ProtocolVersion);
            byte[][] hello = client.Sent.Where(d => DtlsRecords.IsClientHello(d)).ToArray();
            Assert.Equal(2, hello.Length);
            Assert.True(DtlsRecords.IsPlainHandshake(hello[0], out _, out int firstOffset));
            Assert.True(DtlsRecords.IsPlainHandshake(hello[1], out _, out int secondOffset));
            Assert.Equal(0, firstOffset);
            Assert.True(secondOffset > 1000);
            Assert.Equal(1200, hello[0].Length);

            // RFC 8446 §4.1.3: only a TLS 1.3-capable server puts "DOWNGRD" in ServerHello.random when it settles for
            // 1.2, and a 1.3 client aborts on seeing it. A 1.2-only server must not, or browsers would refuse us.
            byte[] serverHello = server.Sent.First(d => DtlsRecords.IsPlainHandshake(d, out byte type, out _) && type == DtlsRecords.ServerHello);
            byte[] randomTail = serverHello[(25 + 2 + 24)..(25 + 2 + 32)];
            Assert.NotEqual("DOWNGRD"u8.ToArray(), randomTail[..7]);
            Assert.Equal(c.SrtpKeys.LocalMasterKey.ToArray(), s.SrtpKeys.RemoteMasterKey.ToArray());
        }
    }

    private static Dictionary<int, byte[]> BrowserClientHelloExtensions()
    {
        var random = new Random(7983);
        byte[] hybrid = new byte[1216];
        byte[] x25519 = new byte[32];
        random.NextBytes(hybrid);
        random.NextBytes(x25519);

        // RFC 8446 §4.2.8: KeyShareClientHello { client_shares<0..2^16-1> } of { group(2), key_exchange<1..2^16-1> }.
        var keyShare = new List<byte>();
        const int SharesLength = 4 + 1216 + 4 + 32;
        keyShare.AddRange([SharesLength >> 8, SharesLength & 0xFF]);
        keyShare.AddRange([0x11, 0xEC, 1216 >> 8, 1216 & 0xFF]);
        keyShare.AddRange(hybrid);
        keyShare.AddRange([0x00, 0x1D, 0, 32]);
        keyShare.AddRange(x25519);

        return new Dictionary<int, byte[]>
        {
            [43] = [4, 0xFE, 0xFC, 0xFE, 0xFD],                                   // supported_versions: DTLS 1.3, 1.2
            [51] = [.. keyShare],                                                // key_share (ignored by a 1.2 server)
            [10] = [0, 8, 0x11, 0xEC, 0x00, 0x1D, 0x00, 0x17, 0x00, 0x18],       // supported_groups
        };
    }

    private static async Task WarmUpAsync()
    {
        // The first handshake in a process runs cold BouncyCastle code (hundreds of ms); keep it out of timed tests.
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            await HandshakeAsync(client, server);
        }
    }
}
