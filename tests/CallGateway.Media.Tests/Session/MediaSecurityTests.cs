using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CallGateway.Media.Audio;
using CallGateway.Media.Session;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallGateway.Media.Tests.Session;

/// <summary>
/// The media stack's defences with real sockets: refused candidate addresses, DTLS fingerprint mismatch, SRTP replay,
/// and a lossy path that still carries audio.
/// </summary>
public partial class MediaSecurityTests
{
    [Fact]
    public async Task CandidatesOnRefusedAddresses_GetNoTraffic_ByDefault()
    {
        using var listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)listener.Client.LocalEndPoint!).Port;
        using var phone = new MediaEngine(MediaTestPeers.Options(lite: true), TimeProvider.System, NullLoggerFactory.Instance);
        var defaults = MediaTestPeers.Options(lite: false);
        defaults.AllowLoopbackCandidates = false; // production default
        defaults.IceCheckingTimeoutSeconds = 2;
        using var gateway = new MediaEngine(defaults, TimeProvider.System, NullLoggerFactory.Instance);
        await using var offer = await phone.CreateOfferAsync(new MediaSessionRequest("phone"), default);

        // Replace the phone's candidate with a loopback listener and add the usual suspects.
        var hostile = CandidateLine().Replace(offer.LocalSdp, $"a=candidate:1 1 udp 2130706431 127.0.0.1 {port} typ host\r\n"
            + "a=candidate:2 1 udp 2130706430 169.254.169.254 3478 typ host\r\n"
            + "a=candidate:3 1 udp 2130706429 10.0.0.7 3478 typ host\r\n"
            + "a=candidate:4 1 udp 2130706428 192.168.1.20 3478 typ host\r\n"
            + "a=candidate:5 1 udp 2130706427 8.8.8.8 53 typ host\r\n"
            + "a=candidate:6 1 udp 2130706426 224.0.0.251 5353 typ host\r\n", 1);
        var probe = new SessionProbe();
        await using var session = await gateway.CreateAnswerAsync(new MediaSessionRequest("gateway", probe), hostile, default);

        await SessionProbe.WaitForAsync(() => session.State == MediaSessionState.Failed, "ICE to fail with nothing to check", 8000);
        Assert.Equal(0, listener.Available); // not one STUN check reached the loopback address
    }

    [Fact]
    public async Task DtlsFingerprintMismatch_AbortsAndNoMediaIsAccepted()
    {
        using var peers = new MediaTestPeers();
        var gatewayProbe = new SessionProbe();
        await using var phone = await peers.Phone.CreateOfferAsync(new MediaSessionRequest("phone"), default);
        var forged = FingerprintLine().Replace(phone.LocalSdp, "a=fingerprint:sha-256 " + string.Join(':', Enumerable.Repeat("AB", 32)) + "\r\n");
        await using var gateway = await peers.Gateway.CreateAnswerAsync(new MediaSessionRequest("gateway", gatewayProbe), forged, default);
        await phone.ApplyRemoteAnswerAsync(gateway.LocalSdp, default);
        phone.StartSending();

        await SessionProbe.WaitForAsync(() => gateway.State == MediaSessionState.Failed, "the gateway to abort the handshake");
        Assert.Contains(gatewayProbe.States, s => s.State == MediaSessionState.Failed && s.Reason!.Contains("DTLS", StringComparison.Ordinal));
        Assert.Equal(0, gateway.GetStats().PacketsReceived);
    }

    [Fact]
    public async Task ReplayedSrtp_IsRejected_AndAudioCarriesOn()
    {
        using var peers = new MediaTestPeers();
        var (phone, gateway, relay, probe) = await ConnectThroughRelayAsync(peers);
        await using (phone)
        await using (gateway)
        using (relay)
        {
            phone.SetSource(new ToneSource(48000, 440, 0.25));
            phone.StartSending();
            relay.ReplayPhoneRtp = true;
            await SessionProbe.WaitForAsync(() => relay.Replayed > 100, "100 replayed packets");
            relay.ReplayPhoneRtp = false;
            await Task.Delay(200);

            var stats = gateway.GetStats();
            Assert.InRange(stats.PacketsRejected, relay.Replayed - 5, relay.Replayed); // every copy refused (a few may be in flight)
            Assert.InRange(AudioAnalysis.DominantFrequency(probe.LastHeard(0.5, 48000), 48000), 430, 450);
        }
    }

    [Fact]
    public async Task TenPercentLoss_CallStaysUpAndIsConcealed()
    {
        using var peers = new MediaTestPeers();
        var (phone, gateway, relay, probe) = await ConnectThroughRelayAsync(peers);
        await using (phone)
        await using (gateway)
        using (relay)
        {
            relay.MediaLoss = 0.10;
            phone.SetSource(new ToneSource(48000, 440, 0.25));
            phone.StartSending();
            await Task.Delay(3000);

            var stats = gateway.GetStats();
            Assert.Equal(MediaSessionState.Connected, gateway.State);
            Assert.True(stats.PacketsLost > 5, $"lost {stats.PacketsLost}");
            Assert.True(stats.FramesConcealed > 5, $"concealed {stats.FramesConcealed}");
            Assert.InRange(AudioAnalysis.DominantFrequency(probe.LastHeard(1, 48000), 48000), 430, 450);
        }
    }

    private static async Task<(IMediaSession Phone, IMediaSession Gateway, UdpRelay Relay, SessionProbe Probe)> ConnectThroughRelayAsync(MediaTestPeers peers)
    {
        var phoneProbe = new SessionProbe();
        var gatewayProbe = new SessionProbe();
        var phone = (MediaSession)await peers.Phone.CreateOfferAsync(new MediaSessionRequest("phone", phoneProbe), default);
        var relay = new UdpRelay(phone.LocalEndPoint);
        var viaRelay = CandidateLine().Replace(phone.LocalSdp, $"a=candidate:1 1 udp 2130706431 127.0.0.1 {relay.PublicEndPoint.Port} typ host\r\n", 1);
        var gateway = await peers.Gateway.CreateAnswerAsync(new MediaSessionRequest("gateway", gatewayProbe), viaRelay, default);
        await phone.ApplyRemoteAnswerAsync(gateway.LocalSdp, default);
        await Task.WhenAll(phoneProbe.Connected, gatewayProbe.Connected).WaitAsync(TimeSpan.FromSeconds(10));
        gateway.AddSink(gatewayProbe);
        return (phone, gateway, relay, gatewayProbe);
    }

    [GeneratedRegex("a=candidate:[^\r\n]*\r\n")]
    private static partial Regex CandidateLine();

    [GeneratedRegex("a=fingerprint:[^\r\n]*\r\n")]
    private static partial Regex FingerprintLine();
}
