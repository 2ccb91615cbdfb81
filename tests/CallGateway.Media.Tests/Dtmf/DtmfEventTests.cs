using CallGateway.Media.Dtmf;

namespace CallGateway.Media.Tests.Dtmf;

public class DtmfEventTests
{
    // RFC 4733 section 2.3 layout: event(8) | E(1) R(1) volume(6) | duration(16, network order).
    [Theory]
    [InlineData("010A00A0", 1, false, false, 10, 160)]   // '1', first update at 8 kHz: 20 ms
    [InlineData("018A0320", 1, true, false, 10, 800)]    // '1' end report: 100 ms at 8 kHz
    [InlineData("0B8A12C0", 11, true, false, 10, 4800)]  // '#' end report: 100 ms at 48 kHz
    [InlineData("0F3FFFFF", 15, false, false, 63, 65535)] // 'D', quietest volume, longest duration
    [InlineData("05400000", 5, false, true, 0, 0)]       // R bit alone
    [InlineData("10C00001", 16, true, true, 0, 1)]       // flash (event 16), E and R
    public void TryParseAndTryWrite_WireVectors(string hex, int code, bool end, bool reserved, int volume, int duration)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.True(DtmfEvent.TryParse(bytes, out var parsed));
        Assert.Equal(new DtmfEvent((byte)code, end, reserved, (byte)volume, (ushort)duration), parsed);

        var written = new byte[DtmfEvent.Size];
        Assert.True(parsed.TryWrite(written, out var count));
        Assert.Equal(4, count);
        Assert.Equal(bytes, written);
    }

    [Fact]
    public void TryParse_ShortPayload_ReturnsFalse()
    {
        Assert.False(DtmfEvent.TryParse([0x01, 0x0A, 0x00], out _));
        Assert.False(DtmfEvent.TryParse([], out _));
    }

    [Fact]
    public void TryParse_TrailingBytes_UsesFirstReport()
    {
        Assert.True(DtmfEvent.TryParse(Convert.FromHexString("018A0320FFFFFFFF"), out var parsed));
        Assert.Equal(800, parsed.Duration);
        Assert.Equal(1, parsed.EventCode);
    }

    [Fact]
    public void TryWrite_InvalidVolumeOrShortBuffer_ReturnsFalse()
    {
        Assert.False(new DtmfEvent(1, false, false, 64, 160).TryWrite(new byte[4], out var written));
        Assert.Equal(0, written);
        Assert.False(new DtmfEvent(1, false, false, 10, 160).TryWrite(new byte[3], out _));
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrowsAndRoundTrips()
    {
        var rng = new Random(4733);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[rng.Next(0, 9)];
            rng.NextBytes(bytes);

            var ok = DtmfEvent.TryParse(bytes, out var parsed);

            Assert.Equal(bytes.Length >= 4, ok);
            if (ok)
            {
                // Every bit of the 4-byte report belongs to a field, so re-encoding is exact.
                var again = new byte[4];
                Assert.True(parsed.TryWrite(again, out _));
                Assert.Equal(bytes.AsSpan(0, 4).ToArray(), again);
            }
        }
    }
}
