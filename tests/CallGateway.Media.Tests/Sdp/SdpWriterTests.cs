using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class SdpWriterTests
{
    public static TheoryData<string> Corpus => SdpTestData.AllNames();

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Write_ParsedCorpusEntry_ReproducesItByteForByte(string name)
    {
        var text = SdpTestData.ByName(name);
        Assert.True(SdpParser.TryParse(text, out var sdp, out var error), error);

        Assert.Equal(text, SdpWriter.Write(sdp));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Write_LfInput_ParseWriteParseEqualsParse(string name)
    {
        var lf = SdpTestData.ByName(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(SdpParser.TryParse(lf, out var first, out _));

        var written = SdpWriter.Write(first);

        Assert.True(SdpParser.TryParse(written, out var second, out var error), error);
        SdpModelAssert.Equal(first, second);
        Assert.Equal(SdpTestData.ByName(name), written);
    }

    [Fact]
    public void Write_SessionLinesOutOfOrder_WrittenInRfc8866Order()
    {
        // Accepted out of order (t= before c=, a= before b=, e= after p=); written in RFC 8866 §5 order.
        const string input = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=x\nt=0 0\na=one\nb=AS:1\nc=IN IP4 1.2.3.4\n" +
            "p=+1 555\ne=a@b.example\nz=1 -1h\nk=clear:x\nu=http://x.example\ni=info\nr=7d 1h 0\nt=1 2\n" +
            "m=audio 1 RTP/AVP 0\na=two\nk=prompt\nb=AS:2\nc=IN IP4 5.6.7.8\ni=m\n";
        const string expected = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=x\r\ni=info\r\nu=http://x.example\r\n" +
            "e=a@b.example\r\np=+1 555\r\nc=IN IP4 1.2.3.4\r\nb=AS:1\r\nt=0 0\r\nr=7d 1h 0\r\nt=1 2\r\nz=1 -1h\r\n" +
            "k=clear:x\r\na=one\r\nm=audio 1 RTP/AVP 0\r\ni=m\r\nc=IN IP4 5.6.7.8\r\nb=AS:2\r\nk=prompt\r\na=two\r\n";
        Assert.True(SdpParser.TryParse(input, out var sdp, out var error), error);

        var written = SdpWriter.Write(sdp);

        Assert.Equal(expected, written);
        Assert.True(SdpParser.TryParse(written, out var again, out _));
        SdpModelAssert.Equal(sdp, again);
    }

    [Fact]
    public void Write_BuiltModel_ProducesExpectedText()
    {
        var sdp = new SessionDescription { Origin = new SdpOrigin("-", "42", 3, "IN", "IP6", "::1") };
        sdp.Timings.Add(new SdpTiming());
        sdp.Attributes.Add(new SdpAttribute("ice-lite"));
        var media = new MediaDescription("audio", 5004, "UDP/TLS/RTP/SAVPF");
        media.Formats.Add("0");
        media.Connections.Add(SdpConnection.ForAddress(System.Net.IPAddress.IPv6Loopback));
        media.Attributes.Add(new SdpAttribute("mid", "a"));
        media.Attributes.Add(new SdpAttribute("empty", string.Empty));
        sdp.Media.Add(media);

        Assert.Equal(
            "v=0\r\no=- 42 3 IN IP6 ::1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\nm=audio 5004 UDP/TLS/RTP/SAVPF 0\r\nc=IN IP6 ::1\r\na=mid:a\r\na=empty:\r\n",
            SdpWriter.Write(sdp));
    }

    [Theory]
    [InlineData("evil\r\na=injected")]
    [InlineData("evil\na=injected")]
    [InlineData("nul\0")]
    public void Write_FieldWithLineBreak_ThrowsInsteadOfInjectingLines(string value)
    {
        var sdp = new SessionDescription();
        sdp.Timings.Add(new SdpTiming());
        sdp.Attributes.Add(new SdpAttribute("mid", value));

        var ex = Assert.Throws<ArgumentException>(() => SdpWriter.Write(sdp));
        Assert.Contains("a= line contains CR, LF or NUL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MediaWithoutFormat_Throws()
    {
        var sdp = new SessionDescription();
        sdp.Timings.Add(new SdpTiming());
        sdp.Media.Add(new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF"));

        Assert.Throws<ArgumentException>(() => SdpWriter.Write(sdp));
    }
}
