using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class RemoteMediaParametersTests
{
    private const string Pwd = "UApvJw3NcwFRDvIMKdM0vWCdlXah25E9";
    private const string Sha256 = "sha-256 1B:B6:6B:40:A5:0B:8C:75:0D:8C:CB:90:2F:99:74:1E:26:45:AE:AF:45:C1:51:60:8F:73:C9:2D:10:6D:8A:88";

    public static TheoryData<string> Corpus => SdpTestData.AllNames();

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TryExtract_CorpusEntry_Succeeds(string name)
    {
        Assert.True(SdpParser.TryParse(SdpTestData.ByName(name), out var sdp, out var parseError), parseError);

        Assert.True(RemoteMediaParameters.TryExtract(sdp, out var remote, out var error), error);
        Assert.True(remote.RtcpMux);
        Assert.NotNull(remote.Opus);
        Assert.Equal(111, remote.Opus.PayloadType);
        Assert.Single(remote.Fingerprints);
        Assert.Equal(0, remote.IgnoredCandidateCount);
    }

    [Fact]
    public void TryExtract_MetaConnectWebhookAnswer_IceLiteCandidatesFingerprintCodecs()
    {
        var remote = Extract(SdpTestData.WebhookSessionSdp());

        Assert.True(remote.IceLite);
        Assert.Equal("kv6Jn8vBmEds/8", remote.IceUfrag);
        Assert.Equal("OhY8sT7v6PJe3bbs0Yx2TC/oPb5oatnK", remote.IcePwd);
        Assert.Equal(2, remote.Candidates.Count);
        Assert.Equal(("31.13.65.130", 3482, "host", 2113937151u), (remote.Candidates[0].Address, remote.Candidates[0].Port, remote.Candidates[0].Type, remote.Candidates[0].Priority));
        Assert.Equal(("2a03:2880:f211:d1:face:b00c:0:699c", 3482), (remote.Candidates[1].Address, remote.Candidates[1].Port));
        Assert.False(remote.EndOfCandidates);
        Assert.Equal("31.13.65.130", remote.ConnectionAddress);
        var fingerprint = Assert.Single(remote.Fingerprints);
        Assert.Equal("sha-256", fingerprint.HashFunction);
        Assert.Equal("46:14:2B:31:B1:9D:AF:15:81:E2:EF:45:B1:2B:96:3D:64:0E:63:F1:CC:9A:BD:88:D6:32:8F:E9:2A:13:3A:38", fingerprint.Value);
        Assert.Equal(32, fingerprint.GetDigestBytes().Length);
        Assert.Equal(SdpSetup.Active, remote.Setup);
        Assert.Equal(new SdpRtpCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"), remote.Opus);
        Assert.Equal(new SdpRtpCodec(0, "PCMU", 8000), remote.Pcmu);
        Assert.Equal(new SdpRtpCodec(8, "PCMA", 8000), remote.Pcma);
        Assert.Equal(126, remote.TelephoneEvent8000PayloadType);
        Assert.Equal(110, remote.TelephoneEvent48000PayloadType);
        Assert.Equal([111, 9, 0, 8, 110, 126], remote.Codecs.Select(c => c.PayloadType));
        Assert.Equal("0", remote.Mid);
        Assert.Equal(["0"], remote.BundleMids);
        Assert.Equal(SdpDirection.SendRecv, remote.Direction);
        Assert.Equal((433528572u, "VBDcSNi/cg1Wg6D3"), (remote.Ssrc!.Value, remote.SsrcCName));
        Assert.Equal(["trickle"], remote.IceOptions);
        Assert.DoesNotContain(remote.IcePwd, remote.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryExtract_MetaBusinessSamples_OfferActpassAnswerActiveLite()
    {
        var offer = Extract(SdpTestData.ReadSdp("meta-business-offer-restored.sdp"));
        var answer = Extract(SdpTestData.ReadSdp("meta-business-answer-restored.sdp"));

        Assert.Equal(SdpSetup.ActPass, offer.Setup);
        Assert.False(offer.IceLite);
        Assert.Empty(offer.Candidates);
        Assert.Equal("35:47:24:24:9F:93:C4:3E:DB:37:7F:BB:ED:F8:20:B5:AD:AC:DC:35:C2:7D:67:EE:6C:35:54:DF:A6:00:5C:4A", offer.Fingerprints[0].Value);
        Assert.Equal([111, 63, 9, 0, 8, 110, 126], offer.Codecs.Select(c => c.PayloadType));
        Assert.Equal("111/111", offer.Codecs[1].FormatParameters);
        Assert.Equal((126, 110), (offer.TelephoneEvent8000PayloadType!.Value, offer.TelephoneEvent48000PayloadType!.Value));

        Assert.Equal(SdpSetup.Active, answer.Setup);
        Assert.True(answer.IceLite);
        Assert.Equal(["31.13.65.130:3482", "2a03:2880:f211:d1:face:b00c:0:699c:3482"], answer.Candidates.Select(c => c.Address + ":" + c.Port));
        Assert.Equal("JHqAXFH4HcAY/8", answer.Candidates[1].Ufrag);
        Assert.Equal("sha-256", answer.Fingerprints[0].HashFunction);
        Assert.Equal(111, answer.Opus!.PayloadType);
        Assert.Equal((126, 110), (answer.TelephoneEvent8000PayloadType!.Value, answer.TelephoneEvent48000PayloadType!.Value));
    }

    [Fact]
    public void TryExtract_MetaUserInitiatedOffer_LiteActpassMidAudio()
    {
        var offer = Extract(SdpTestData.ReadSdp("meta-user-offer-restored.sdp"));

        Assert.True(offer.IceLite);
        Assert.Equal(SdpSetup.ActPass, offer.Setup);
        Assert.Equal("audio", offer.Mid);
        Assert.Equal(["audio"], offer.BundleMids);
        Assert.Equal(["31.13.65.60:40012", "2a03:2880:f211:cf:face:b00c:0:6443:40012"], offer.Candidates.Select(c => c.Address + ":" + c.Port));
        Assert.Equal(126, offer.TelephoneEvent8000PayloadType);
        Assert.Null(offer.TelephoneEvent48000PayloadType);
        Assert.Null(offer.Pcmu);
        Assert.Empty(offer.IceOptions);
    }

    [Fact]
    public void TryExtract_WeriftLite_IceLiteInMediaSectionAndEndOfCandidates()
    {
        var offer = Extract(SdpTestData.ReadSdp("werift-lite-offer.sdp"));

        Assert.True(offer.IceLite);
        Assert.True(offer.EndOfCandidates);
        var candidate = Assert.Single(offer.Candidates);
        Assert.Equal("626da4e5384a0ce2d0d93678a", candidate.Foundation);
        Assert.Equal(110, offer.TelephoneEvent48000PayloadType);
        Assert.Null(offer.TelephoneEvent8000PayloadType);
        Assert.Equal(9, offer.Port);
    }

    [Fact]
    public void TryExtract_Chromium_UdpAndTcpCandidates()
    {
        var offer = Extract(SdpTestData.ReadSdp("chromium-offer.sdp"));

        Assert.False(offer.IceLite);
        Assert.Equal([true, false], offer.Candidates.Select(c => c.IsUdp));
        Assert.Equal("active", offer.Candidates[1].TcpType);
        Assert.Equal([111, 63, 9, 0, 8, 13, 110, 126], offer.Codecs.Select(c => c.PayloadType));
        Assert.Equal((3427413269u, "GI89QoADITJdGS0u"), (offer.Ssrc!.Value, offer.SsrcCName));
    }

    [Fact]
    public void TryExtract_MediaLevelOverridesSessionLevel()
    {
        const string otherFingerprint = "sha-1 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33";
        var text = Sdp(
            $"a=ice-ufrag:sess\r\na=ice-pwd:{Pwd}\r\na=fingerprint:{Sha256}\r\na=setup:passive\r\na=recvonly\r\n",
            $"a=ice-ufrag:media\r\na=ice-pwd:{Pwd}x\r\na=fingerprint:{otherFingerprint}\r\na=setup:active\r\na=sendonly\r\n");

        var remote = Extract(text);

        Assert.Equal(("media", Pwd + "x"), (remote.IceUfrag, remote.IcePwd));
        Assert.Equal(otherFingerprint, Assert.Single(remote.Fingerprints).ToString());
        Assert.Equal(SdpSetup.Active, remote.Setup);
        Assert.Equal(SdpDirection.SendOnly, remote.Direction);
    }

    [Fact]
    public void TryExtract_SessionLevelOnly_UsedAsFallback()
    {
        var remote = Extract(Sdp($"a=ice-ufrag:sess\r\na=ice-pwd:{Pwd}\r\na=fingerprint:{Sha256}\r\na=fingerprint:{Sha256}\r\na=recvonly\r\na=ice-lite\r\n", string.Empty));

        Assert.Equal("sess", remote.IceUfrag);
        Assert.Equal(2, remote.Fingerprints.Count);
        Assert.Null(remote.Setup);
        Assert.Equal(SdpDirection.RecvOnly, remote.Direction);
        Assert.True(remote.IceLite);
        Assert.False(remote.RtcpMux);
    }

    [Fact]
    public void TryExtract_ConnectionLineOnly_IsNotACandidate()
    {
        var text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 5000 UDP/TLS/RTP/SAVPF 111\r\n" + Credentials + "a=candidate:broken\r\na=rtpmap:111 opus/48000/2\r\n";

        var remote = Extract(text);

        Assert.Empty(remote.Candidates);
        Assert.Equal(1, remote.IgnoredCandidateCount);
        Assert.Equal("192.0.2.10", remote.ConnectionAddress);
    }

    [Fact]
    public void TryExtract_StaticPayloadTypesWithoutRtpmap_AreRecognised()
    {
        var text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 UDP/TLS/RTP/SAVPF 8 0 96\r\n" + Credentials;

        var remote = Extract(text);

        Assert.Null(remote.Opus);
        Assert.Equal(new SdpRtpCodec(0, "PCMU", 8000), remote.Pcmu);
        Assert.Equal(new SdpRtpCodec(8, "PCMA", 8000), remote.Pcma);
        Assert.Equal([8, 0], remote.Codecs.Select(c => c.PayloadType));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { Sdp(string.Empty, $"a=fingerprint:{Sha256}\r\n"), "no ICE credentials" },
        { Sdp(string.Empty, $"a=ice-ufrag:abcd\r\na=fingerprint:{Sha256}\r\n"), "no ICE credentials" },
        { Sdp(string.Empty, $"a=ice-ufrag:abc\r\na=ice-pwd:{Pwd}\r\na=fingerprint:{Sha256}\r\n"), "a=ice-ufrag must be 4 to 256" },
        { Sdp(string.Empty, $"a=ice-ufrag:ab-d\r\na=ice-pwd:{Pwd}\r\na=fingerprint:{Sha256}\r\n"), "a=ice-ufrag must be 4 to 256" },
        { Sdp(string.Empty, $"a=ice-ufrag:abcd\r\na=ice-pwd:tooshort\r\na=fingerprint:{Sha256}\r\n"), "a=ice-pwd must be 22 to 256" },
        { Sdp(string.Empty, $"a=ice-ufrag:abcd\r\na=ice-pwd:{Pwd}\r\n"), "no DTLS fingerprint" },
        { Sdp(string.Empty, $"a=ice-ufrag:abcd\r\na=ice-pwd:{Pwd}\r\na=fingerprint:sha-25635:47\r\n"), "malformed a=fingerprint" },
        { Sdp(string.Empty, $"a=ice-ufrag:abcd\r\na=ice-pwd:{Pwd}\r\na=fingerprint:sha-256 AB:CD\r\n"), "malformed a=fingerprint" },
        { Sdp(string.Empty, Credentials + "a=setup:server\r\n"), "a=setup must be actpass, active, passive or holdconn" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n" + Credentials, "no m=audio section" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 0 UDP/TLS/RTP/SAVPF 0\r\n" + Credentials, "the only m=audio section has port 0" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryExtract_Invalid_ReturnsClearError(string text, string expected)
    {
        Assert.True(SdpParser.TryParse(text, out var sdp, out var parseError), parseError);

        Assert.False(RemoteMediaParameters.TryExtract(sdp, out var remote, out var error));

        Assert.Null(remote);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Pwd, error, StringComparison.Ordinal);
    }

    private static string Credentials => $"a=ice-ufrag:abcd\r\na=ice-pwd:{Pwd}\r\na=fingerprint:{Sha256}\r\n";

    private static string Sdp(string sessionAttributes, string mediaLines) =>
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + sessionAttributes +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n" + mediaLines + "a=rtpmap:111 opus/48000/2\r\n";

    private static RemoteMediaParameters Extract(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var sdp, out var parseError), parseError);
        Assert.True(RemoteMediaParameters.TryExtract(sdp, out var remote, out var error), error);
        return remote;
    }
}
