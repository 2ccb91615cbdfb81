using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Session;

/// <summary>
/// Two complete media stacks on real UDP sockets on 127.0.0.1: ICE (full controlling vs lite), DTLS handshake,
/// SRTP, Opus both ways, RFC 4733 DTMF both ways.
/// </summary>
public class MediaSessionLoopbackTests
{
    [Theory]
    [InlineData(48000)]
    [InlineData(16000)]
    public async Task LiteOffersGatewayAnswers_AudioFlowsBothWaysAtTheRightLevel(int sampleRate)
    {
        using var peers = new MediaTestPeers(sampleRate: sampleRate);
        var phoneProbe = new SessionProbe();
        var gatewayProbe = new SessionProbe();
        await using var phone = await peers.Phone.CreateOfferAsync(new MediaSessionRequest("phone", phoneProbe), default);
        await using var gateway = await peers.Gateway.CreateAnswerAsync(new MediaSessionRequest("gateway", gatewayProbe), phone.LocalSdp, default);
        await phone.ApplyRemoteAnswerAsync(gateway.LocalSdp, default);
        phone.AddSink(phoneProbe);
        gateway.AddSink(gatewayProbe);

        await Task.WhenAll(phoneProbe.Connected, gatewayProbe.Connected).WaitAsync(TimeSpan.FromSeconds(10));
        phone.SetSource(SessionProbe.Tone(sampleRate, 440));
        gateway.SetSource(SessionProbe.Tone(sampleRate, 1000));
        phone.StartSending();
        gateway.StartSending();
        await SessionProbe.WaitForAsync(() => gatewayProbe.FramesReceived > 60 && phoneProbe.FramesReceived > 60, "60 frames each way");

        AssertTone(gatewayProbe.LastHeard(0.5, sampleRate), sampleRate, 440);
        AssertTone(phoneProbe.LastHeard(0.5, sampleRate), sampleRate, 1000);
        var stats = gateway.GetStats();
        Assert.Equal("opus", stats.Codec);
        Assert.True(stats.PacketsReceived > 50 && stats.PacketsSent > 50, $"{stats}");
        Assert.Equal(0, stats.PacketsRejected);
        Assert.Equal(MediaSessionState.Connected, gateway.State);
    }

    [Fact]
    public async Task GatewayOffersLiteAnswers_Connects()
    {
        using var peers = new MediaTestPeers();
        var phoneProbe = new SessionProbe();
        var gatewayProbe = new SessionProbe();
        await using var gateway = await peers.Gateway.CreateOfferAsync(new MediaSessionRequest("gateway", gatewayProbe), default);
        await using var phone = await peers.Phone.CreateAnswerAsync(new MediaSessionRequest("phone", phoneProbe), gateway.LocalSdp, default);
        Assert.Contains("a=ice-lite", phone.LocalSdp, StringComparison.Ordinal);
        Assert.Contains("a=setup:active", phone.LocalSdp, StringComparison.Ordinal);
        await gateway.ApplyRemoteAnswerAsync(phone.LocalSdp, default);

        await Task.WhenAll(phoneProbe.Connected, gatewayProbe.Connected).WaitAsync(TimeSpan.FromSeconds(10));
        gateway.AddSink(gatewayProbe);
        phone.SetSource(SessionProbe.Tone(48000, 700));
        phone.StartSending();
        await SessionProbe.WaitForAsync(() => gatewayProbe.FramesReceived > 40, "audio at the gateway");
        AssertTone(gatewayProbe.LastHeard(0.4, 48000), 48000, 700);
    }

    [Fact]
    public async Task FullAgentsBothSides_Connect()
    {
        using var peers = new MediaTestPeers(phoneLite: false);
        var a = new SessionProbe();
        var b = new SessionProbe();
        await using var offerer = await peers.Gateway.CreateOfferAsync(new MediaSessionRequest("a", a), default);
        await using var answerer = await peers.Phone.CreateAnswerAsync(new MediaSessionRequest("b", b), offerer.LocalSdp, default);
        await offerer.ApplyRemoteAnswerAsync(answerer.LocalSdp, default);
        await Task.WhenAll(a.Connected, b.Connected).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dtmf_IsReceivedExactlyOnceInBothDirections()
    {
        using var peers = new MediaTestPeers();
        var phoneProbe = new SessionProbe();
        var gatewayProbe = new SessionProbe();
        await using var phone = await peers.Phone.CreateOfferAsync(new MediaSessionRequest("phone", phoneProbe), default);
        await using var gateway = await peers.Gateway.CreateAnswerAsync(new MediaSessionRequest("gateway", gatewayProbe), phone.LocalSdp, default);
        await phone.ApplyRemoteAnswerAsync(gateway.LocalSdp, default);
        await Task.WhenAll(phoneProbe.Connected, gatewayProbe.Connected).WaitAsync(TimeSpan.FromSeconds(10));
        phone.StartSending();
        gateway.StartSending();

        phone.SendDtmf("159#");
        gateway.SendDtmf("*0A");
        await SessionProbe.WaitForAsync(() => gatewayProbe.Digits.Count >= 4 && phoneProbe.Digits.Count >= 3, "digits");
        await Task.Delay(300);
        Assert.Equal("159#", new string([.. gatewayProbe.Digits]));
        Assert.Equal("*0A", new string([.. phoneProbe.Digits]));
        Assert.Equal(4, gateway.GetStats().DtmfReceived);
    }

    [Fact]
    public async Task Dispose_ClosesTheSocketAndTheOtherSideNoticesTheDtlsClose()
    {
        using var peers = new MediaTestPeers();
        var phoneProbe = new SessionProbe();
        var gatewayProbe = new SessionProbe();
        var phone = await peers.Phone.CreateOfferAsync(new MediaSessionRequest("phone", phoneProbe), default);
        var gateway = await peers.Gateway.CreateAnswerAsync(new MediaSessionRequest("gateway", gatewayProbe), phone.LocalSdp, default);
        await phone.ApplyRemoteAnswerAsync(gateway.LocalSdp, default);
        await Task.WhenAll(phoneProbe.Connected, gatewayProbe.Connected).WaitAsync(TimeSpan.FromSeconds(10));

        await gateway.DisposeAsync();
        Assert.Equal(MediaSessionState.Closed, gateway.State);
        Assert.Equal(1, peers.Phone.ActiveSessions);
        Assert.Equal(0, peers.Gateway.ActiveSessions);
        await SessionProbe.WaitForAsync(() => phone.State == MediaSessionState.Disconnected, "the phone to see the DTLS close_notify");
        await phone.DisposeAsync();
    }

    [Fact]
    public async Task UnusableOffer_IsRefusedWithAReason()
    {
        using var peers = new MediaTestPeers();
        var ex = await Assert.ThrowsAsync<MediaNegotiationException>(() =>
            peers.Gateway.CreateAnswerAsync(new MediaSessionRequest("x"), "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", default));
        Assert.Contains("cannot be answered", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, peers.Gateway.ActiveSessions);
    }

    private static void AssertTone(short[] samples, int sampleRate, double hz)
    {
        Assert.True(samples.Length >= sampleRate / 5, "enough audio");
        var dominant = AudioAnalysis.DominantFrequency(samples, sampleRate);
        Assert.InRange(dominant, hz - 15, hz + 15);
        // A 0.25-amplitude sine has RMS 0.177 (-15 dBFS); Opus keeps the level within a dB or two.
        Assert.InRange(AudioAnalysis.RmsDbfs(samples), -17.5, -13.0);
    }
}
