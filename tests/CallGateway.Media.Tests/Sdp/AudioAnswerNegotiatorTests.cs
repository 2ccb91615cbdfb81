using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class AudioAnswerNegotiatorTests
{
    [Fact]
    public void TryNegotiate_MetaConnectWebhookAnswer_WeAreDtlsServerAndIceControlling()
    {
        var answer = TestLocal.Parse(SdpTestData.WebhookSessionSdp());

        Assert.True(AudioAnswerNegotiator.TryNegotiate(answer, TestLocal.Create(), out var negotiation, out var error), error);

        Assert.Equal(new SdpRtpCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"), negotiation.Codec);
        Assert.Equal((126, 110), (negotiation.TelephoneEvent8000PayloadType!.Value, negotiation.TelephoneEvent48000PayloadType!.Value));
        Assert.Equal(SdpDtlsRole.Server, negotiation.DtlsRole); // Meta answers a=setup:active
        Assert.Equal(SdpSetup.ActPass, negotiation.LocalSetup);
        Assert.True(negotiation.IsIceControlling); // Meta is ICE-lite
        Assert.Equal(["31.13.65.130", "2a03:2880:f211:d1:face:b00c:0:699c"], negotiation.RemoteCandidates.Select(c => c.Address));
        Assert.Equal("kv6Jn8vBmEds/8", negotiation.RemoteIceUfrag);
        Assert.Equal("46:14:2B:31:B1:9D:AF:15:81:E2:EF:45:B1:2B:96:3D:64:0E:63:F1:CC:9A:BD:88:D6:32:8F:E9:2A:13:3A:38", negotiation.RemoteFingerprint.Value);
        Assert.Equal(SdpDirection.SendRecv, negotiation.Direction);
        Assert.Equal("0", negotiation.Mid);
    }

    [Fact]
    public void TryNegotiate_MetaRestoredBusinessAnswer_SameOutcome()
    {
        var answer = TestLocal.Parse(SdpTestData.ReadSdp("meta-business-answer-restored.sdp"));

        Assert.True(AudioAnswerNegotiator.TryNegotiate(answer, TestLocal.Create(), out var negotiation, out var error), error);

        Assert.Equal(111, negotiation.Codec.PayloadType);
        Assert.Equal(SdpDtlsRole.Server, negotiation.DtlsRole);
        Assert.Equal(2, negotiation.RemoteCandidates.Count);
    }

    [Fact]
    public void TryNegotiate_MetaUserAnswerWithMidAudio_MismatchedMidRejected()
    {
        var answer = TestLocal.Parse(SdpTestData.ReadSdp("meta-user-answer-restored.sdp"));

        Assert.False(AudioAnswerNegotiator.TryNegotiate(answer, TestLocal.Create(), out _, out var error));
        Assert.StartsWith("the answer's a=mid does not match", error, StringComparison.Ordinal);
        Assert.True(AudioAnswerNegotiator.TryNegotiate(answer, TestLocal.Create() with { Mid = "audio" }, out var negotiation, out error), error);
        Assert.Equal(SdpDtlsRole.Server, negotiation.DtlsRole);
        Assert.False(negotiation.RemoteIceLite);
        Assert.True(negotiation.IsIceControlling); // both full: the offerer (us) controls
    }

    [Theory]
    [InlineData(SdpSetup.ActPass, "a=setup:active\r\n", SdpDtlsRole.Server)]
    [InlineData(SdpSetup.ActPass, "a=setup:passive\r\n", SdpDtlsRole.Client)]
    [InlineData(SdpSetup.ActPass, "", SdpDtlsRole.Client)] // RFC 4145 §4: absent in an answer means passive
    [InlineData(SdpSetup.Active, "a=setup:passive\r\n", SdpDtlsRole.Client)]
    [InlineData(SdpSetup.Passive, "a=setup:active\r\n", SdpDtlsRole.Server)]
    public void TryNegotiate_Setup_DerivesOurDtlsRole(SdpSetup offered, string answerSetup, SdpDtlsRole expected)
    {
        Assert.True(AudioAnswerNegotiator.TryNegotiate(TestLocal.Parse(Answer(answerSetup + "a=rtcp-mux\r\n")), TestLocal.Create() with { Setup = offered }, out var negotiation, out var error), error);

        Assert.Equal(expected, negotiation.DtlsRole);
    }

    [Theory]
    [InlineData(SdpSetup.ActPass, "a=setup:actpass\r\na=rtcp-mux\r\n", "the answer has a=setup:actpass; an answer must choose active or passive")]
    [InlineData(SdpSetup.ActPass, "a=setup:holdconn\r\na=rtcp-mux\r\n", "the answer has a=setup:holdconn")]
    [InlineData(SdpSetup.Active, "a=setup:active\r\na=rtcp-mux\r\n", "the answer's a=setup repeats our forced role")]
    [InlineData(SdpSetup.ActPass, "a=setup:active\r\n", "the answer has no a=rtcp-mux")]
    public void TryNegotiate_UnusableAnswer_ReturnsClearReason(SdpSetup offered, string extra, string expected)
    {
        Assert.False(AudioAnswerNegotiator.TryNegotiate(TestLocal.Parse(Answer(extra)), TestLocal.Create() with { Setup = offered }, out var negotiation, out var error));

        Assert.Null(negotiation);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNegotiate_AnswerWithOnlyCodecsWeDisabled_NoCommonCodec()
    {
        var answer = TestLocal.Parse(Answer("a=setup:active\r\na=rtcp-mux\r\n"));

        Assert.False(AudioAnswerNegotiator.TryNegotiate(answer, TestLocal.Create() with { EnableOpus = false, EnablePcmu = false }, out var negotiation, out var error));

        Assert.Null(negotiation);
        Assert.Equal("no common audio codec: the answer has opus/48000, telephone-event/8000; we support PCMA/8000", error);
    }

    [Fact]
    public void OfferAnswerRoundTrip_TwoOfOurEndpoints_AgreeOnRolesAndCodec()
    {
        var offerer = TestLocal.Create();
        var answerer = TestLocal.Create() with
        {
            IceUfrag = "ans1",
            IcePwd = "AnswererPasswordAnswerer1",
            IceLite = true,
            Candidates = [new LocalHostCandidate("7", 2130706431, "127.0.0.1", 41000)],
            EnableTelephoneEvent48000 = false,
        };
        var offer = TestLocal.Parse(SdpWriter.Write(AudioOfferBuilder.Build(offerer)));

        Assert.True(AudioAnswerBuilder.TryBuild(offer, answerer, out var answer, out var answererSide, out var error), error);
        Assert.True(AudioAnswerNegotiator.TryNegotiate(TestLocal.Parse(SdpWriter.Write(answer)), offerer, out var offererSide, out error), error);

        Assert.NotEqual(offererSide.DtlsRole, answererSide.DtlsRole);
        Assert.Equal(SdpDtlsRole.Server, offererSide.DtlsRole);
        Assert.True(offererSide.IsIceControlling);
        Assert.False(answererSide.IsIceControlling);
        Assert.Equal(offererSide.Codec.PayloadType, answererSide.Codec.PayloadType);
        Assert.Equal(126, offererSide.TelephoneEvent8000PayloadType);
        Assert.Null(offererSide.TelephoneEvent48000PayloadType);
        Assert.Equal("ans1", offererSide.RemoteIceUfrag);
        Assert.Equal(offerer.IceUfrag, answererSide.RemoteIceUfrag);
        Assert.Equal(offerer.Fingerprint, answererSide.RemoteFingerprint.ToString());
        Assert.Equal("127.0.0.1:41000", $"{offererSide.RemoteCandidates[0].Address}:{offererSide.RemoteCandidates[0].Port}");
    }

    private static string Answer(string extra) =>
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 UDP/TLS/RTP/SAVPF 111 126\r\nc=IN IP4 192.0.2.1\r\n" +
        "a=ice-ufrag:abcd\r\na=ice-pwd:UApvJw3NcwFRDvIMKdM0vWCdlXah25E9\r\n" +
        "a=fingerprint:sha-256 1B:B6:6B:40:A5:0B:8C:75:0D:8C:CB:90:2F:99:74:1E:26:45:AE:AF:45:C1:51:60:8F:73:C9:2D:10:6D:8A:88\r\n" +
        "a=mid:0\r\n" + extra + "a=rtpmap:111 opus/48000/2\r\na=rtpmap:126 telephone-event/8000\r\n";
}
