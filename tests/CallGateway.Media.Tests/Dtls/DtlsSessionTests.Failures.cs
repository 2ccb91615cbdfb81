using System.Diagnostics;
using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

/// <summary>Handshakes that must fail, and how each side reports it.</summary>
public partial class DtlsSessionTests
{
    private const byte BadCertificate = 42;
    private const byte HandshakeFailure = 40;

    [Fact]
    public async Task HandshakeAsync_ClientExpectsOtherServerFingerprint_BothAbortWithBadCertificate()
    {
        using DtlsCertificate stranger = DtlsCertificate.Generate("stranger");
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            (DtlsHandshakeException c, DtlsHandshakeException s) =
                await ExpectBothFailAsync(client, server, expectedByClient: stranger.Fingerprint);

            Assert.Equal(DtlsFailureReason.FingerprintMismatch, c.Reason);
            Assert.Equal(BadCertificate, c.AlertDescription);
            Assert.Equal(DtlsFailureReason.PeerAlert, s.Reason);
            Assert.Equal(BadCertificate, s.AlertDescription);
            Assert.Equal("bad_certificate", s.AlertName);
            AssertNotEstablished(client, server);
        }
    }

    [Fact]
    public async Task HandshakeAsync_ServerExpectsOtherClientFingerprint_BothAbortWithBadCertificate()
    {
        using DtlsCertificate stranger = DtlsCertificate.Generate("stranger");
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            (DtlsHandshakeException c, DtlsHandshakeException s) =
                await ExpectBothFailAsync(client, server, expectedByServer: stranger.Fingerprint);

            Assert.Equal(DtlsFailureReason.FingerprintMismatch, s.Reason);
            Assert.Equal(BadCertificate, s.AlertDescription);
            Assert.Equal(DtlsFailureReason.PeerAlert, c.Reason);
            Assert.Equal(BadCertificate, c.AlertDescription);
            AssertNotEstablished(client, server);
        }
    }

    [Fact]
    public async Task HandshakeAsync_NoCommonSrtpProfile_ServerRefusesWithHandshakeFailure()
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair(
            new DtlsOptions { SrtpProfiles = [DtlsSrtpProfile.AesCm128HmacSha1_80] },
            new DtlsOptions { SrtpProfiles = [DtlsSrtpProfile.AeadAes128Gcm] });
        using (client)
        using (server)
        {
            (DtlsHandshakeException c, DtlsHandshakeException s) = await ExpectBothFailAsync(client, server);

            Assert.Equal(DtlsFailureReason.NoCommonSrtpProfile, s.Reason);
            Assert.Equal(HandshakeFailure, s.AlertDescription);
            Assert.Equal(DtlsFailureReason.PeerAlert, c.Reason);
            Assert.Equal(HandshakeFailure, c.AlertDescription);
        }
    }

    [Theory]
    [InlineData(DtlsRole.Client)]
    [InlineData(DtlsRole.Server)]
    public async Task HandshakeAsync_SilentPeer_TimesOutWithinConfiguredBound(DtlsRole role)
    {
        // The other socket exists but nobody runs DTLS on it: our flights go unanswered.
        var options = new DtlsOptions { HandshakeTimeout = TimeSpan.FromSeconds(1.5) };
        (UdpDtlsPeer local, UdpDtlsPeer silent) = UdpDtlsPeer.CreatePair(options);
        using (local)
        using (silent)
        {
            var stopwatch = Stopwatch.StartNew();
            DtlsHandshakeException error = await Assert.ThrowsAsync<DtlsHandshakeException>(() =>
                local.Session.HandshakeAsync(role, ClientCertificate, ServerCertificate.Fingerprint).WaitAsync(Bound));

            Assert.Equal(DtlsFailureReason.Timeout, error.Reason);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(5));
            Assert.True(local.Transport.IsClosed);
            if (role == DtlsRole.Client)
            {
                // 200, 400, 800 ms backoff within 1.5 s: the ClientHello went out several times.
                Assert.InRange(local.Sent.Count(d => DtlsRecords.IsClientHello(d)), 3, 5);
            }
            else
            {
                Assert.Empty(local.Sent);
            }
        }
    }

    [Fact]
    public async Task HandshakeAsync_Cancelled_ThrowsOperationCanceledPromptly()
    {
        (UdpDtlsPeer local, UdpDtlsPeer silent) = UdpDtlsPeer.CreatePair();
        using (local)
        using (silent)
        using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            var stopwatch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => local.Session.HandshakeAsync(
                DtlsRole.Server, ServerCertificate, ClientCertificate.Fingerprint, cancellation.Token).WaitAsync(Bound));

            Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
            Assert.True(local.Transport.IsClosed);
        }
    }

    [Fact]
    public async Task HandshakeAsync_Sha1FingerprintByDefault_RejectedByPolicyBeforeSending()
    {
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            DtlsHandshakeException error = await Assert.ThrowsAsync<DtlsHandshakeException>(() =>
                client.Session.HandshakeAsync(
                    DtlsRole.Client, ClientCertificate, ServerCertificate.GetFingerprint(DtlsHashFunction.Sha1)));

            Assert.Equal(DtlsFailureReason.FingerprintPolicy, error.Reason);
            Assert.Null(error.AlertDescription);
            Assert.Contains("sha-1", error.Message, StringComparison.Ordinal);
            Assert.Contains("sha-256 or stronger", error.Message, StringComparison.Ordinal);
            Assert.Empty(client.Sent);
        }
    }

    [Fact]
    public async Task HandshakeAsync_Sha1FingerprintAllowedByOptions_Completes()
    {
        var lenient = new DtlsOptions { MinimumFingerprintHash = DtlsHashFunction.Sha1 };
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair(lenient, lenient);
        using (client)
        using (server)
        {
            (DtlsHandshakeResult c, _) = await HandshakeAsync(
                client, server, ServerCertificate.GetFingerprint(DtlsHashFunction.Sha1),
                ClientCertificate.GetFingerprint(DtlsHashFunction.Sha1));

            Assert.Equal(ServerCertificate.Fingerprint, c.RemoteCertificateFingerprint);
        }
    }

    [Fact]
    public async Task HandshakeAsync_SeveralFingerprintsOneMatching_Completes()
    {
        // RFC 8122 §5 allows several a=fingerprint lines; the certificate must match one we accept.
        using DtlsCertificate stranger = DtlsCertificate.Generate("stranger");
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair();
        using (client)
        using (server)
        {
            Task<DtlsHandshakeResult> s = server.Session.HandshakeAsync(
                DtlsRole.Server, ServerCertificate, [stranger.Fingerprint, ClientCertificate.GetFingerprint(DtlsHashFunction.Sha512)]);
            Task<DtlsHandshakeResult> c = client.Session.HandshakeAsync(
                DtlsRole.Client, ClientCertificate, ServerCertificate.Fingerprint);

            DtlsHandshakeResult[] results = await Task.WhenAll(c, s).WaitAsync(Bound);
            Assert.Equal(results[0].SrtpKeys.LocalMasterKey.ToArray(), results[1].SrtpKeys.RemoteMasterKey.ToArray());
        }
    }

    private static async Task<(DtlsHandshakeException Client, DtlsHandshakeException Server)> ExpectBothFailAsync(
        UdpDtlsPeer client, UdpDtlsPeer server, DtlsFingerprint? expectedByClient = null,
        DtlsFingerprint? expectedByServer = null)
    {
        Task<DtlsHandshakeResult> s = server.Session.HandshakeAsync(
            DtlsRole.Server, ServerCertificate, expectedByServer ?? ClientCertificate.Fingerprint);
        Task<DtlsHandshakeResult> c = client.Session.HandshakeAsync(
            DtlsRole.Client, ClientCertificate, expectedByClient ?? ServerCertificate.Fingerprint);
        DtlsHandshakeException clientError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => c.WaitAsync(Bound));
        DtlsHandshakeException serverError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => s.WaitAsync(Bound));
        return (clientError, serverError);
    }

    private static void AssertNotEstablished(params UdpDtlsPeer[] peers)
    {
        foreach (UdpDtlsPeer peer in peers)
        {
            Assert.False(peer.Session.IsEstablished);
            Assert.True(peer.Transport.IsClosed);
        }
    }
}
