using CallGateway.Media.Rtcp;
using static CallGateway.Media.Tests.Rtcp.RtcpTestData;

namespace CallGateway.Media.Tests.Rtcp;

public class GoodbyeTests
{
    // RFC 3550 §6.6 layout, by hand: SC=1, PT=203, length 3 (16 octets), SSRC, reason length 4, "done", 3 zero pad.
    private const string WithReason = "81CB0003 12345678 04646F6E 65000000";

    [Fact]
    public void TryWrite_WithReason_MatchesHandBuiltBytes()
    {
        var buffer = new byte[16];

        Assert.True(new Goodbye { Sources = [0x12345678], Reason = "done" }.TryWrite(buffer, out int written));

        Assert.Equal(16, written);
        Assert.Equal(Hex(WithReason), buffer);
    }

    [Fact]
    public void TryParse_WithReason_ReadsSourcesAndReason()
    {
        Assert.True(Goodbye.TryParse(Hex(WithReason), out Goodbye? bye));

        Assert.Equal([0x12345678u], bye.Sources);
        Assert.Equal("done", bye.Reason);
    }

    [Fact]
    public void TryWriteThenParse_SeveralSourcesNoReason_RoundTrip()
    {
        var bye = new Goodbye { Sources = [1, 2, 3] };
        var buffer = new byte[16];

        Assert.True(bye.TryWrite(buffer, out int written));
        Assert.Equal(Hex("83CB0003 00000001 00000002 00000003"), buffer[..written]);
        Assert.True(Goodbye.TryParse(buffer, out Goodbye? parsed));
        Assert.Equal(bye.Sources, parsed.Sources);
        Assert.Null(parsed.Reason);
    }

    [Theory]
    [InlineData("82CB0001 12345678")] // SC=2, one SSRC
    [InlineData("81CB0002 12345678 09414243")] // reason length 9 > 3 octets present
    public void TryParse_Malformed_ReturnsFalse(string hex)
    {
        Assert.False(Goodbye.TryParse(Hex(hex), out _));
    }
}
