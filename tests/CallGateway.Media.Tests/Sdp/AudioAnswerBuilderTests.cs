using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class AudioAnswerBuilderTests
{
    private const string Creds = "a=ice-ufrag:abcd\r\na=ice-pwd:UApvJw3NcwFRDvIMKdM0vWCdlXah25E9\r\n" +
        "a=fingerprint:sha-256 1B:B6:6B:40:A5:0B:8C:75:0D:8C:CB:90:2F:99:74:1E:26:45:AE:AF:45:C1:51:60:8F:73:C9:2D:10:6D:8A:88\r\n";

    [Fact]
    public void TryBuild_MetaUserInitiatedOffer_KeepsPtsAnswersActiveEchoesBundle()
    {
        var offer = TestLocal.Parse(SdpTestData.ReadSdp("meta-user-offer-restored.sdp"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create(), out var answer, out var negotiation, out var error), error);

        var text = SdpWriter.Write(answer);
        var media = Assert.Single(answer.Media);
        Assert.Equal(["111", "126"], media.Formats);
        Assert.Equal("UDP/TLS/RTP/SAVPF", media.Protocol);
        Assert.Contains("a=group:BUNDLE audio\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=mid:audio\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=setup:active\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtcp-mux\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:126 telephone-event/8000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=sendrecv\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a=ice-lite", text, StringComparison.Ordinal);

        Assert.Equal(new SdpRtpCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"), negotiation.Codec);
        Assert.Equal(126, negotiation.TelephoneEvent8000PayloadType);
        Assert.Null(negotiation.TelephoneEvent48000PayloadType);
        Assert.Equal((SdpSetup.Active, SdpDtlsRole.Client), (negotiation.LocalSetup, negotiation.DtlsRole));
        Assert.True(negotiation.IsIceControlling); // Meta is ICE-lite, we are full
        Assert.True(negotiation.RemoteIceLite);
        Assert.Equal("audio", negotiation.Mid);
        Assert.Equal("6k2qP1R6kBfI/2", negotiation.RemoteIceUfrag);
        Assert.Equal("UApvJw3NcwFRDvIMKdM0vWCdlXah25E9", negotiation.RemoteIcePwd);
        Assert.Equal("sha-256", negotiation.RemoteFingerprint.HashFunction);
        Assert.Equal(2, negotiation.RemoteCandidates.Count);
        Assert.DoesNotContain(negotiation.RemoteIcePwd, negotiation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_ChromiumOffer_KeepsPtsAndBothTelephoneEvents()
    {
        var offer = TestLocal.Parse(SdpTestData.ReadSdp("chromium-offer.sdp"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create() with { IceLite = true }, out var answer, out var negotiation, out var error), error);

        Assert.Equal(["111", "110", "126"], answer.Media[0].Formats);
        Assert.Equal("0", negotiation.Mid);
        Assert.Equal("BUNDLE 0", answer.FindAttribute("group")!.Value);
        Assert.True(answer.HasAttribute("ice-lite"));
        Assert.Equal((126, 110), (negotiation.TelephoneEvent8000PayloadType!.Value, negotiation.TelephoneEvent48000PayloadType!.Value));
        Assert.Equal(SdpDtlsRole.Client, negotiation.DtlsRole);
        Assert.False(negotiation.IsIceControlling); // Chromium offers full ICE and we answer as lite
        Assert.Equal(2, negotiation.RemoteCandidates.Count);
    }

    public static TheoryData<string> Offers => new()
    {
        "meta-business-offer-restored.sdp", "meta-user-offer-restored.sdp", "chromium-offer.sdp", "werift-lite-offer.sdp",
        "meta-curl-new-call.json", "meta-curl-new-call-legacy.json",
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public void TryBuild_CorpusOffer_AnswerParsesBackAndComplementsTheOffer(string name)
    {
        var offer = TestLocal.Parse(SdpTestData.ByName(name));
        Assert.True(RemoteMediaParameters.TryExtract(offer, out var offered, out _));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create(), out var answer, out var negotiation, out var error), error);

        var reparsed = TestLocal.Parse(SdpWriter.Write(answer));
        Assert.True(RemoteMediaParameters.TryExtract(reparsed, out var answered, out error), error);
        Assert.Equal(offered.Mid, answered.Mid);
        Assert.Equal(offered.Opus!.PayloadType, answered.Opus!.PayloadType);
        Assert.Equal(offered.TelephoneEvent8000PayloadType, answered.TelephoneEvent8000PayloadType);
        Assert.Equal(offered.TelephoneEvent48000PayloadType, answered.TelephoneEvent48000PayloadType);
        Assert.True(answered.RtcpMux);
        Assert.NotEqual(offered.Setup, answered.Setup);
        Assert.Equal(answered.Setup == SdpSetup.Active ? SdpDtlsRole.Client : SdpDtlsRole.Server, negotiation.DtlsRole);
        Assert.Equal(TestLocal.Create().IceUfrag, answered.IceUfrag);
    }

    [Fact]
    public void TryBuild_WeriftLiteOffer_MediaLevelLiteMakesUsControlling()
    {
        var offer = TestLocal.Parse(SdpTestData.ReadSdp("werift-lite-offer.sdp"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create(), out var answer, out var negotiation, out var error), error);

        Assert.True(negotiation.IsIceControlling);
        Assert.Equal(["111", "110"], answer.Media[0].Formats);
        Assert.Null(negotiation.TelephoneEvent8000PayloadType);
        Assert.Equal(110, negotiation.TelephoneEvent48000PayloadType);
    }

    [Theory]
    [InlineData("111 0 8 126", "opus", 111)]
    [InlineData("8 0 126", "PCMA", 8)]
    [InlineData("9 0 8", "PCMU", 0)]
    public void TryBuild_CodecChoice_OpusElseFirstG711(string formats, string expectedName, int expectedPt)
    {
        var offer = TestLocal.Parse(Offer(formats, "a=setup:actpass\r\na=rtcp-mux\r\n"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create(), out var answer, out var negotiation, out var error), error);

        Assert.Equal((expectedName, expectedPt), (negotiation.Codec.Name, negotiation.Codec.PayloadType));
        Assert.Equal(expectedPt.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Media[0].Formats[0]);
    }

    [Theory]
    [InlineData("a=setup:actpass\r\n", SdpSetup.Active, SdpDtlsRole.Client)]
    [InlineData("a=setup:passive\r\n", SdpSetup.Active, SdpDtlsRole.Client)]
    [InlineData("a=setup:active\r\n", SdpSetup.Passive, SdpDtlsRole.Server)]
    [InlineData("", SdpSetup.Passive, SdpDtlsRole.Server)] // RFC 4145 §4: absent in an offer means active
    public void TryBuild_Setup_AnswersTheComplement(string setupLine, SdpSetup expectedSetup, SdpDtlsRole expectedRole)
    {
        var offer = TestLocal.Parse(Offer("111", setupLine + "a=rtcp-mux\r\n"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create(), out var answer, out var negotiation, out var error), error);

        Assert.Equal((expectedSetup, expectedRole), (negotiation.LocalSetup, negotiation.DtlsRole));
        Assert.Equal(expectedSetup.ToString().ToLowerInvariant(), answer.Media[0].FindAttribute("setup")!.Value);
    }

    [Theory]
    [InlineData("a=sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData("a=sendonly", SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData("a=recvonly", SdpDirection.SendRecv, SdpDirection.SendOnly)]
    [InlineData("a=inactive", SdpDirection.SendRecv, SdpDirection.Inactive)]
    [InlineData("a=sendrecv", SdpDirection.RecvOnly, SdpDirection.RecvOnly)]
    [InlineData("a=sendonly", SdpDirection.SendOnly, SdpDirection.Inactive)]
    public void TryBuild_Direction_IsTheComplementLimitedByOurs(string offered, SdpDirection local, SdpDirection expected)
    {
        var offer = TestLocal.Parse(Offer("111", offered + "\r\na=rtcp-mux\r\n"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create() with { Direction = local }, out var answer, out var negotiation, out var error), error);

        Assert.Equal(expected, negotiation.Direction);
        Assert.True(answer.Media[0].HasAttribute(expected.ToString().ToLowerInvariant()));
    }

    [Fact]
    public void TryBuild_OfferWithVideoAndData_RejectsThemAndBundlesOnlyAudio()
    {
        var text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\n" +
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\n" +
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 126\r\n" + Creds + "a=mid:1\r\na=setup:actpass\r\na=rtcp-mux\r\n" +
            "a=rtpmap:111 opus/48000/2\r\na=rtpmap:126 telephone-event/8000\r\n" +
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n";

        Assert.True(AudioAnswerBuilder.TryBuild(TestLocal.Parse(text), TestLocal.Create(), out var answer, out var negotiation, out var error), error);

        var written = SdpWriter.Write(answer);
        Assert.Equal("BUNDLE 1", answer.FindAttribute("group")!.Value);
        Assert.Equal(3, answer.Media.Count);
        Assert.Contains("m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\nm=audio 40000 UDP/TLS/RTP/SAVPF 111 126\r\n", written, StringComparison.Ordinal);
        Assert.EndsWith("m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n", written, StringComparison.Ordinal);
        Assert.Equal("1", negotiation.Mid);
    }

    public static TheoryData<string, string> Unusable => new()
    {
        { Offer("111", "a=setup:actpass\r\n"), "the offer has no a=rtcp-mux; WebRTC requires RTP and RTCP on one port" },
        { Offer("9 13", "a=setup:actpass\r\na=rtcp-mux\r\n"), "no common audio codec: the offer has G722/8000, CN/8000; we support opus/48000/2, PCMU/8000, PCMA/8000" },
        { Offer("111", "a=setup:holdconn\r\na=rtcp-mux\r\n"), "the offer has a=setup:holdconn" },
        { Offer("111", "a=rtcp-mux\r\n", proto: "RTP/AVP"), "the offer's m=audio protocol is not UDP/TLS/RTP/SAVPF" },
        { Offer("111", "a=rtcp-mux\r\n", creds: string.Empty), "cannot answer the offer: no ICE credentials" },
        { Offer("111", "a=rtcp-mux\r\n", creds: "a=ice-ufrag:abcd\r\na=ice-pwd:UApvJw3NcwFRDvIMKdM0vWCdlXah25E9\r\n"), "cannot answer the offer: no DTLS fingerprint" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void TryBuild_UnusableOffer_ReturnsClearReason(string text, string expected)
    {
        Assert.False(AudioAnswerBuilder.TryBuild(TestLocal.Parse(text), TestLocal.Create(), out var answer, out var negotiation, out var error));

        Assert.Null(answer);
        Assert.Null(negotiation);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_BothIceLite_Refused()
    {
        var offer = TestLocal.Parse(SdpTestData.ReadSdp("meta-user-offer-restored.sdp"));

        Assert.False(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create() with { IceLite = true }, out _, out _, out var error));

        Assert.StartsWith("the offer is ICE-lite and so are we", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_OpusDisabledLocally_FallsBackToG711()
    {
        var offer = TestLocal.Parse(SdpTestData.ReadSdp("chromium-offer.sdp"));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, TestLocal.Create() with { EnableOpus = false }, out var answer, out var negotiation, out var error), error);

        Assert.Equal("PCMU", negotiation.Codec.Name);
        Assert.Equal(["0", "110", "126"], answer.Media[0].Formats);
    }

    private static string Offer(string formats, string extra, string proto = "UDP/TLS/RTP/SAVPF", string creds = Creds) =>
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" +
        $"m=audio 5000 {proto} {formats}\r\nc=IN IP4 192.0.2.1\r\n" + creds + extra +
        "a=rtpmap:111 opus/48000/2\r\na=rtpmap:9 G722/8000\r\na=rtpmap:13 CN/8000\r\na=rtpmap:126 telephone-event/8000\r\n";
}
