using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class AudioOfferBuilderTests
{
    [Fact]
    public void Build_DefaultParameters_WritesTheExpectedOffer()
    {
        var text = SdpWriter.Write(AudioOfferBuilder.Build(TestLocal.Create()));

        Assert.Equal(
            "v=0\r\n" +
            "o=- 1234567890123456789 2 IN IP4 127.0.0.1\r\n" +
            "s=-\r\n" +
            "t=0 0\r\n" +
            "a=group:BUNDLE 0\r\n" +
            "a=msid-semantic: WMS c0ffee00-0000-4000-8000-000000000001\r\n" +
            "m=audio 40000 UDP/TLS/RTP/SAVPF 111 0 8 110 126\r\n" +
            "c=IN IP4 192.0.2.20\r\n" +
            "a=rtcp:9 IN IP4 0.0.0.0\r\n" +
            "a=candidate:1 1 udp 2130706431 192.0.2.20 40000 typ host\r\n" +
            "a=end-of-candidates\r\n" +
            "a=ice-ufrag:gW7e\r\n" +
            "a=ice-pwd:" + TestLocal.Pwd + "\r\n" +
            "a=fingerprint:" + TestLocal.Fingerprint + "\r\n" +
            "a=setup:actpass\r\n" +
            "a=mid:0\r\n" +
            "a=sendrecv\r\n" +
            "a=msid:c0ffee00-0000-4000-8000-000000000001 c0ffee00-0000-4000-8000-000000000002\r\n" +
            "a=rtcp-mux\r\n" +
            "a=rtpmap:111 opus/48000/2\r\n" +
            "a=fmtp:111 minptime=10;useinbandfec=1\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:110 telephone-event/48000\r\n" +
            "a=rtpmap:126 telephone-event/8000\r\n" +
            "a=ssrc:1122334455 cname:gatewaycname0001\r\n" +
            "a=ssrc:1122334455 msid:c0ffee00-0000-4000-8000-000000000001 c0ffee00-0000-4000-8000-000000000002\r\n",
            text);
    }

    [Fact]
    public void Build_ParsedBackThroughRemoteMediaParameters_YieldsTheValuesPutIn()
    {
        var local = TestLocal.Create() with
        {
            IceLite = true,
            Candidates = [new LocalHostCandidate("1", 2130706431, "192.0.2.20", 40000), new LocalHostCandidate("2", 2130706175, "2001:db8::20", 40002)],
            Mid = "audio",
        };

        var sdp = TestLocal.Parse(SdpWriter.Write(AudioOfferBuilder.Build(local)));

        Assert.True(RemoteMediaParameters.TryExtract(sdp, out var remote, out var error), error);
        Assert.Equal((local.IceUfrag, local.IcePwd, true), (remote.IceUfrag, remote.IcePwd, remote.IceLite));
        Assert.Equal(local.Fingerprint, Assert.Single(remote.Fingerprints).ToString());
        Assert.Equal(SdpSetup.ActPass, remote.Setup);
        Assert.Equal(
            ["1 udp 2130706431 192.0.2.20:40000 host", "2 udp 2130706175 2001:db8::20:40002 host"],
            remote.Candidates.Select(c => $"{c.Foundation} {c.Transport} {c.Priority} {c.Address}:{c.Port} {c.Type}"));
        Assert.True(remote.EndOfCandidates);
        Assert.Equal("audio", remote.Mid);
        Assert.Equal(["audio"], remote.BundleMids);
        Assert.True(remote.RtcpMux);
        Assert.Equal(SdpDirection.SendRecv, remote.Direction);
        Assert.Equal(new SdpRtpCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"), remote.Opus);
        Assert.Equal((0, 8), (remote.Pcmu!.PayloadType, remote.Pcma!.PayloadType));
        Assert.Equal((126, 110), (remote.TelephoneEvent8000PayloadType!.Value, remote.TelephoneEvent48000PayloadType!.Value));
        Assert.Equal((local.Ssrc, local.CName), (remote.Ssrc!.Value, remote.SsrcCName));
        Assert.Equal((40000, "192.0.2.20"), (remote.Port, remote.ConnectionAddress));
        Assert.Equal("a=ice-lite", SdpWriter.Write(sdp).Split("\r\n")[6]);
    }

    [Fact]
    public void Build_CodecSwitches_SelectTheFormats()
    {
        var opusOnly = AudioOfferBuilder.Build(TestLocal.Create() with { EnablePcmu = false, EnablePcma = false, EnableTelephoneEvent48000 = false });
        var g711 = AudioOfferBuilder.Build(TestLocal.Create() with { EnableOpus = false });

        Assert.Equal(["111", "126"], opusOnly.Media[0].Formats);
        Assert.Equal(["0", "8", "110", "126"], g711.Media[0].Formats);
        Assert.Null(g711.Media[0].FindAttribute("fmtp"));
    }

    [Fact]
    public void Build_NoCandidates_UsesJsepPlaceholders()
    {
        var sdp = AudioOfferBuilder.Build(TestLocal.Create() with { Candidates = [], EndOfCandidates = false });

        Assert.Equal(9, sdp.Media[0].Port);
        Assert.Equal(new SdpConnection("IN", "IP4", "0.0.0.0"), sdp.Media[0].Connection);
        Assert.False(sdp.Media[0].HasAttribute("candidate"));
        Assert.False(sdp.Media[0].HasAttribute("end-of-candidates"));
    }

    [Fact]
    public void Build_Ipv6DefaultCandidate_WritesIp6Connection()
    {
        var sdp = AudioOfferBuilder.Build(TestLocal.Create() with { Candidates = [new LocalHostCandidate("a+/1", 1, "::1", 5004)] });

        Assert.Equal(new SdpConnection("IN", "IP6", "::1"), sdp.Media[0].Connection);
        Assert.Equal(5004, sdp.Media[0].Port);
    }

    [Fact]
    public void Build_WithoutSessionId_DrawsRandom63BitIds()
    {
        var a = AudioOfferBuilder.Build(TestLocal.Create() with { SessionId = null }).Origin.SessionId;
        var b = AudioOfferBuilder.Build(TestLocal.Create() with { SessionId = null }).Origin.SessionId;

        Assert.NotEqual(a, b);
        Assert.True(ulong.Parse(a, System.Globalization.CultureInfo.InvariantCulture) <= long.MaxValue);
    }

    public static TheoryData<string> InvalidLocals => new() { "ufrag", "pwd", "pwd-crlf", "fingerprint", "setup", "mid", "msid", "cname", "codecs", "candidate-host", "candidate-port", "candidate-foundation" };

    [Theory]
    [MemberData(nameof(InvalidLocals))]
    public void Build_InvalidLocalParameters_ThrowsArgumentException(string field)
    {
        var valid = TestLocal.Create();
        var local = field switch
        {
            "ufrag" => valid with { IceUfrag = "abc" },
            "pwd" => valid with { IcePwd = "short" },
            "pwd-crlf" => valid with { IcePwd = TestLocal.Pwd + "\r\na=injected" },
            "fingerprint" => valid with { Fingerprint = "sha-256 AB:CD" },
            "setup" => valid with { Setup = SdpSetup.HoldConn },
            "mid" => valid with { Mid = "a b" },
            "msid" => valid with { TrackId = string.Empty },
            "cname" => valid with { CName = "a\r\nb" },
            "codecs" => valid with { EnableOpus = false, EnablePcmu = false, EnablePcma = false },
            "candidate-host" => valid with { Candidates = [new LocalHostCandidate("1", 1, "gateway.example", 5000)] },
            "candidate-port" => valid with { Candidates = [new LocalHostCandidate("1", 1, "192.0.2.1", 0)] },
            _ => valid with { Candidates = [new LocalHostCandidate("a-b", 1, "192.0.2.1", 5000)] },
        };

        var ex = Assert.Throws<ArgumentException>(() => AudioOfferBuilder.Build(local));
        Assert.StartsWith("invalid LocalMediaParameters: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestLocal.Pwd, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalMediaParameters_ToString_OmitsThePassword()
    {
        Assert.DoesNotContain(TestLocal.Pwd, TestLocal.Create().ToString(), StringComparison.Ordinal);
    }
}
