using System.Text;
using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public partial class SdpParserTests
{
    private const string Minimal = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    public static TheoryData<string> Corpus => SdpTestData.AllNames();

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TryParse_CorpusEntry_Succeeds(string name)
    {
        var ok = SdpParser.TryParse(SdpTestData.ByName(name), out var sdp, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        var media = Assert.Single(sdp!.Media);
        Assert.Equal("audio", media.Media);
        Assert.Equal("UDP/TLS/RTP/SAVPF", media.Protocol);
    }

    [Fact]
    public void TryParse_MetaJsonForms_SessionAndLegacyConnectionCarryTheSameSdp()
    {
        // The webhook repeats the SDP as connection.webrtc.sdp = "{\"sdp\":...,\"type\":\"answer\"}" (JSON in JSON).
        var session = SdpTestData.WebhookSessionSdp();
        var legacy = SdpTestData.WebhookLegacySdp(out var legacyType);
        SdpTestData.CurlLegacySdp(out var curlLegacyType);

        Assert.Equal(session, legacy);
        Assert.Equal("answer", legacyType);
        Assert.Equal("offer", curlLegacyType);
        Assert.Equal(SdpTestData.CurlSessionSdp("meta-curl-new-call.json"), SdpTestData.CurlSessionSdp("meta-curl-accept-call.json"));
    }

    [Fact]
    public void TryParse_MetaBusinessOffer_ParsesEveryField()
    {
        Assert.True(SdpParser.TryParse(SdpTestData.ReadSdp("meta-business-offer-restored.sdp"), out var sdp, out var error), error);

        Assert.Equal(new SdpOrigin("-", "3626166318745852955", 2, "IN", "IP4", "127.0.0.1"), sdp.Origin);
        Assert.Equal("-", sdp.SessionName);
        var timing = Assert.Single(sdp.Timings);
        Assert.Equal((0UL, 0UL), (timing.StartTime, timing.StopTime));
        Assert.Equal(
            [new SdpAttribute("group", "BUNDLE 0"), new SdpAttribute("extmap-allow-mixed"), new SdpAttribute("msid-semantic", " WMS d8b26053-4474-4eb7-b3c3-c93d6c8c9b2e")],
            sdp.Attributes);
        var media = sdp.Media[0];
        Assert.Equal(9, media.Port);
        Assert.Null(media.PortCount);
        Assert.Equal(["111", "63", "9", "0", "8", "110", "126"], media.Formats);
        Assert.Equal(new SdpConnection("IN", "IP4", "0.0.0.0"), media.Connection);
        Assert.Equal("sha-256 35:47:24:24:9F:93:C4:3E:DB:37:7F:BB:ED:F8:20:B5:AD:AC:DC:35:C2:7D:67:EE:6C:35:54:DF:A6:00:5C:4A", media.FindAttribute("fingerprint")!.Value);
        Assert.Equal("63 111/111", media.FindAttributes("fmtp")[1].Value);
        Assert.Equal(26, media.Attributes.Count);
    }

    [Fact]
    public void TryParse_AttributesKeepOrderAndDuplicates()
    {
        Assert.True(SdpParser.TryParse(SdpTestData.ReadSdp("meta-business-answer-restored.sdp"), out var sdp, out var error), error);

        var ssrc = sdp.Media[0].FindAttributes("ssrc");
        Assert.Equal(
            ["3407645770 cname:bg8KQDoIk2UJa6sf", "3407645770 msid:798a9670-c0d6-47a8-925e-5f082ef4d8a0 audio#nuxVMf9EAJX", "3407645770 mslabel:798a9670-c0d6-47a8-925e-5f082ef4d8a0", "3407645770 label:audio#nuxVMf9EAJX"],
            ssrc.Select(a => a.Value));
        var names = sdp.Media[0].Attributes.Select(a => a.Name).ToList();
        Assert.True(names.IndexOf("candidate") < names.IndexOf("ice-ufrag"));
        Assert.Equal(new SdpAttribute("sendrecv"), sdp.Media[0].FindAttribute("sendrecv"));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TryParse_LfOnlyAndNoFinalNewline_SameModelAsCrlf(string name)
    {
        var crlf = SdpTestData.ByName(name);
        Assert.True(SdpParser.TryParse(crlf, out var expected, out _));
        var lf = crlf.Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(SdpParser.TryParse(lf, out var fromLf, out var error1), error1);
        Assert.True(SdpParser.TryParse(crlf.TrimEnd('\r', '\n'), out var unterminated, out var error2), error2);
        Assert.True(SdpParser.TryParse(lf.Replace("\na=", "\n\na=", StringComparison.Ordinal), out var withBlankLines, out var error3), error3);
        SdpModelAssert.Equal(expected, fromLf);
        SdpModelAssert.Equal(expected, unterminated);
        SdpModelAssert.Equal(expected, withBlankLines);
    }

    [Fact]
    public void TryParse_AllRfc8866LineTypes_Parsed()
    {
        const string text = "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call to John Smith\r\n" +
            "i=SDP Offer #1\r\nu=http://www.jdoe.example.com/home.html\r\ne=Jane Doe <jane@jdoe.example.com>\r\n" +
            "p=+1 617 555-6011\r\nc=IN IP4 198.51.100.1\r\nb=AS:128\r\nt=0 0\r\nr=604800 3600 0 90000\r\n" +
            "z=2882844526 -1h\r\nk=prompt\r\na=recvonly\r\nm=audio 49170/2 RTP/AVP 0\r\ni=voice\r\n" +
            "c=IN IP4 224.2.1.1/127/2\r\nb=AS:64\r\nk=prompt\r\na=rtpmap:0 PCMU/8000\r\n" +
            "m=application 5000 TCP/DTLS/SCTP webrtc-datachannel\r\n";

        Assert.True(SdpParser.TryParse(text, out var sdp, out var error), error);

        Assert.Equal("SDP Offer #1", sdp.Information);
        Assert.Equal("http://www.jdoe.example.com/home.html", sdp.Uri);
        Assert.Equal(["Jane Doe <jane@jdoe.example.com>"], sdp.EmailAddresses);
        Assert.Equal(["+1 617 555-6011"], sdp.PhoneNumbers);
        Assert.Equal([new SdpBandwidth("AS", 128)], sdp.Bandwidths);
        Assert.Equal(["604800 3600 0 90000"], sdp.Timings[0].RepeatTimes);
        Assert.Equal("2882844526 -1h", sdp.TimeZoneAdjustments);
        Assert.Equal("prompt", sdp.EncryptionKey);
        Assert.Equal((49170, 2), (sdp.Media[0].Port, sdp.Media[0].PortCount!.Value));
        Assert.Equal("224.2.1.1/127/2", sdp.Media[0].Connection!.Address);
        Assert.Equal(["webrtc-datachannel"], sdp.Media[1].Formats);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "o=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "line 1 (o=): the description must start with v=0" },
        { "v=1\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "line 1 (v=): unsupported protocol version" },
        { "v=0\r\ns=-\r\nt=0 0\r\n", "line 2 (s=): expected the mandatory o= line" },
        { "v=0\r\no=- 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "line 2 (o=): expected 6 fields" },
        { "v=0\r\no=- 12a 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "line 2 (o=): sess-id must be a decimal number" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nt=0 0\r\n", "line 3 (t=): expected the mandatory s= line" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=\r\nt=0 0\r\n", "line 3 (s=): s= must not be empty" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\na=ice-lite\r\n", "SDP has no t= line" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nm=audio 9 RTP/AVP 0\r\n", "line 4 (m=): m= before any t= line" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=00\r\n", "line 4 (t=): expected '<start-time> <stop-time>'" },
        { Minimal + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n", "line 5 (m=): expected '<media> <port>[/<number of ports>] <proto> <fmt> ...' with at least one format, found 3 fields" },
        { Minimal + "m=audio 70000 UDP/TLS/RTP/SAVPF 111\r\n", "line 5 (m=): port must be 0-65535" },
        { Minimal + "m=audio nine UDP/TLS/RTP/SAVPF 111\r\n", "line 5 (m=): port must be 0-65535" },
        { Minimal + "m=audio 9 UDP/TLS/RTP/SAVPF 11163908110126\r\n", "line 5 (m=): format 1 must be an RTP payload type 0-127" },
        { Minimal + "m=audio 9 UDP/TLS/RTP/SAVPF 111 opus\r\n", "line 5 (m=): format 2 must be an RTP payload type 0-127" },
        { Minimal + "m=audio 9 UDP//SAVPF 111\r\n", "line 5 (m=): proto must be tokens separated by '/'" },
        { Minimal + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nt=0 0\r\n", "line 6 (t=): this line type is not allowed inside a media section" },
        { Minimal + "x=1\r\n", "line 5 (x=): unknown line type" },
        { Minimal + "v=0\r\n", "line 5 (v=): this line may appear only once" },
        { Minimal + "a=\r\n", "line 5 (a=): attribute name must be a non-empty token" },
        { Minimal + "a=:x\r\n", "line 5 (a=): attribute name must be a non-empty token" },
        { Minimal + "c=IN IP4\r\n", "line 5 (c=): expected 3 fields" },
        { Minimal + "c=IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.5\r\n", "line 6 (c=): only one session-level c= line" },
        { Minimal + "b=AS\r\n", "line 5 (b=): expected '<bwtype>:<bandwidth>'" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nr=1 2 3\r\n", "line 4 (r=): r= must follow a t= line" },
        { Minimal + "i=a\r\ni=b\r\n", "line 6 (i=): this line may appear at most once here" },
        { Minimal + "a=ice\r-lite\r\n", "line 5 (a=): carriage return inside the line" },
        { Minimal + " a=ice-lite\r\n", "line 5: expected '<type>=<value>'" },
        { Minimal + "A=ice-lite\r\n", "line 5: expected '<type>=<value>'" },
        { Minimal + "a\r\n", "line 5: expected '<type>=<value>'" },
        { Minimal + "a=x\0\r\n", "SDP contains a NUL character" },
        { "", "SDP is empty" },
        { "\r\n\r\n", "SDP is empty" },
        { "v=0\r\n", "SDP ends after v=" },
        { "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n", "SDP ends after o=" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_Malformed_ReturnsFalseWithClearError(string text, string expectedError)
    {
        var ok = SdpParser.TryParse(text, out var sdp, out var error);

        Assert.False(ok);
        Assert.Null(sdp);
        Assert.NotNull(error);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(SdpParser.TryParse(null!, out _, out var error));
        Assert.Equal("SDP text is null", error);
    }

    [Fact]
    public void TryParse_Error_DoesNotQuoteTheLine()
    {
        var text = Minimal + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=ice-pwd:s3cretIcePassword1234567\r\nx=s3cretIcePassword1234567\r\n";

        Assert.False(SdpParser.TryParse(text, out _, out var error));

        Assert.Equal("line 7 (x=): unknown line type (RFC 8866 §5 lets a parser reject descriptions with unknown types)", error);
    }

    [Fact]
    public void TryParse_TooLong_Rejected()
    {
        var text = Minimal + "a=x:" + new string('y', SdpParser.MaxLength) + "\r\n";

        Assert.False(SdpParser.TryParse(text, out _, out var error));

        Assert.Equal($"SDP is {text.Length} characters long; the limit is 65536", error);
    }

    [Fact]
    public void TryParse_LineLimit_AcceptsMaxRejectsOneMore()
    {
        var sb = new StringBuilder(Minimal);
        for (var i = 4; i < SdpParser.MaxLines; i++)
        {
            sb.Append("a=x\r\n");
        }

        Assert.True(SdpParser.TryParse(sb.ToString(), out var sdp, out var error), error);
        Assert.Equal(SdpParser.MaxLines - 4, sdp.Attributes.Count);

        sb.Append("a=x");
        Assert.False(SdpParser.TryParse(sb.ToString(), out _, out error));
        Assert.Equal("SDP has more than 1000 lines", error);
    }

    [Fact]
    public void TryParse_MediaSectionLimit_AcceptsMaxRejectsOneMore()
    {
        var sb = new StringBuilder(Minimal);
        for (var i = 0; i < SdpParser.MaxMediaSections; i++)
        {
            sb.Append("m=audio 0 UDP/TLS/RTP/SAVPF 0\r\n");
        }

        Assert.True(SdpParser.TryParse(sb.ToString(), out var sdp, out var error), error);
        Assert.Equal(16, sdp.Media.Count);

        sb.Append("m=audio 0 UDP/TLS/RTP/SAVPF 0\r\n");
        Assert.False(SdpParser.TryParse(sb.ToString(), out _, out error));
        Assert.Equal("line 21 (m=): more than 16 media sections", error);
    }
}
