using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

/// <summary>
/// Real DTLS 1.2 handshakes between two <see cref="DtlsSession"/>s over UDP on 127.0.0.1 (see <see cref="UdpDtlsPeer"/>).
/// </summary>
public partial class DtlsSessionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static readonly DtlsCertificate ClientCertificate = DtlsCertificate.Generate("client");
    private static readonly DtlsCertificate ServerCertificate = DtlsCertificate.Generate("server");

    [Theory]
    [InlineData(DtlsSrtpProfile.AeadAes128Gcm, DtlsSrtpProfile.AesCm128HmacSha1_80, DtlsSrtpProfile.AeadAes128Gcm)]
    [InlineData(DtlsSrtpProfile.AesCm128HmacSha1_80, DtlsSrtpProfile.AeadAes128Gcm, DtlsSrtpProfile.AesCm128HmacSha1_80)]
    public async Task HandshakeAsync_BothProfiles_ServerPreferenceWinsAndKeysMatchCrosswise(
        DtlsSrtpProfile serverFirst, DtlsSrtpProfile serverSecond, DtlsSrtpProfile expected)
    {
        // The client offers [GCM, CM-80] (our default order); the server picks by its own order (RFC 5764 §4.1.1).
        // The server also insists on the extended master secret (RFC 7627), which the client offers by default.
        var serverOptions = new DtlsOptions { SrtpProfiles = [serverFirst, serverSecond], RequireExtendedMasterSecret = true };
        (UdpDtlsPeer client, UdpDtlsPeer server) = UdpDtlsPeer.CreatePair(b: serverOptions);
        using (client)
        using (server)
        {
            (DtlsHandshakeResult c, DtlsHandshakeResult s) = await HandshakeAsync(client, server);

            Assert.Equal(expected, c.SrtpProfile);
            Assert.Equal(expected, s.SrtpProfile);
            Assert.Equal(DtlsRole.Client, c.Role);
            Assert.Equal(DtlsRole.Server, s.Role);
            Assert.Equal(expected.GetMasterKeyLength(), c.SrtpKeys.LocalMasterKey.Length);
            Assert.Equal(expected.GetMasterSaltLength(), c.SrtpKeys.LocalMasterSalt.Length);
            Assert.Equal(c.SrtpKeys.LocalMasterKey.ToArray(), s.SrtpKeys.RemoteMasterKey.ToArray());
            Assert.Equal(c.SrtpKeys.LocalMasterSalt.ToArray(), s.SrtpKeys.RemoteMasterSalt.ToArray());
            Assert.Equal(s.SrtpKeys.LocalMasterKey.ToArray(), c.SrtpKeys.RemoteMasterKey.ToArray());
            Assert.Equal(s.SrtpKeys.LocalMasterSalt.ToArray(), c.SrtpKeys.RemoteMasterSalt.ToArray());
            Assert.NotEqual(c.SrtpKeys.LocalMasterKey.ToArray(), c.SrtpKeys.RemoteMasterKey.ToArray());
            Assert.Equal("DTLS 1.2", c.ProtocolVersion);
            Assert.Equal("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", c.CipherSuiteName);
            Assert.Equal(c.CipherSuite, s.CipherSuite);
            Assert.True(c.ExtendedMasterSecret);
            Assert.True(s.ExtendedMasterSecret);
            Assert.Equal(ServerCertificate.Fingerprint, c.RemoteCertificateFingerprint);
            Assert.Equal(ClientCertificate.Fingerprint, s.RemoteCertificateFingerprint);
            Assert.True(client.Session.IsEstablished);
            Assert.True(server.Session.IsEstablished);
            Assert.All(client.Sent, d => Assert.True(d.Length <= 1200));
        }
    }

    [Theory]
    [InlineData("actpass")]
    [InlineData("active")]
    [InlineData("passive")]
    public async Task HandshakeAsync_RolesFromSetupAttribute_Complete(string offererSetup)
    {
        // "offerer" offered offererSetup; "answerer" derives its role from it and answers; the offerer derives its
        // role from that answer. Whatever the offer, the two roles are complementary and the handshake completes.
        DtlsRole answererRole = DtlsSetup.GetLocalRole(offererSetup);
        DtlsRole offererRole = DtlsSetup.GetLocalRole(DtlsSetup.ToSetupValue(answererRole));
        (UdpDtlsPeer answerer, UdpDtlsPeer offerer) = UdpDtlsPeer.CreatePair();
        using (answerer)
        using (offerer)
        {
            Task<DtlsHandshakeResult> a = answerer.Session.HandshakeAsync(
                answererRole, ClientCertificate, ServerCertificate.Fingerprint);
            Task<DtlsHandshakeResult> o = offerer.Session.HandshakeAsync(
                offererRole, ServerCertificate, ClientCertificate.Fingerprint);
            DtlsHandshakeResult[] results = await Task.WhenAll(a, o).WaitAsync(Bound);

            Assert.Equal(answererRole, results[0].Role);
            Assert.Equal(offererRole, results[1].Role);
            Assert.Equal(results[0].SrtpKeys.LocalMasterKey.ToArray(), results[1].SrtpKeys.RemoteMasterKey.ToArray());
        }
    }

    private static async Task<(DtlsHandshakeResult Client, DtlsHandshakeResult Server)> HandshakeAsync(
        UdpDtlsPeer client, UdpDtlsPeer server, DtlsFingerprint? expectedByClient = null,
        DtlsFingerprint? expectedByServer = null)
    {
        Task<DtlsHandshakeResult> s = server.Session.HandshakeAsync(
            DtlsRole.Server, ServerCertificate, expectedByServer ?? ClientCertificate.Fingerprint);
        Task<DtlsHandshakeResult> c = client.Session.HandshakeAsync(
            DtlsRole.Client, ClientCertificate, expectedByClient ?? ServerCertificate.Fingerprint);
        DtlsHandshakeResult[] results = await Task.WhenAll(c, s).WaitAsync(Bound);
        return (results[0], results[1]);
    }
}
