using CallGateway.Media.Srtp;

namespace CallGateway.Media.Tests.Srtp;

public class SrtpStreamTests
{
    // RFC 3711 Appendix A index estimation: highest index (ROC || s_l), received SEQ -> estimated index.
    [Theory]
    [InlineData(0x0000_0000_0010ul, 0x0011, 0x0000_0000_0011ul)] // in order
    [InlineData(0x0000_0000_0010ul, 0x000F, 0x0000_0000_000Ful)] // reordered, same ROC
    [InlineData(0x0000_0000_FFFEul, 0x0002, 0x0000_0001_0002ul)] // wrapped forward: ROC + 1
    [InlineData(0x0000_0001_0002ul, 0xFFFE, 0x0000_0000_FFFEul)] // late packet from before the wrap: ROC - 1
    [InlineData(0x0000_0003_7FFFul, 0x0000, 0x0000_0003_0000ul)] // s_l < 2^15, SEQ - s_l <= 2^15: same ROC
    [InlineData(0x0000_0003_7FFFul, 0xFFFF, 0x0000_0003_FFFFul)] // SEQ - s_l = 2^15 exactly: same ROC
    [InlineData(0x0000_0003_7FFEul, 0xFFFF, 0x0000_0002_FFFFul)] // SEQ - s_l > 2^15: ROC - 1
    [InlineData(0x0000_0003_8000ul, 0x0000, 0x0000_0003_0000ul)] // s_l - 2^15 = SEQ: same ROC
    [InlineData(0x0000_0003_8001ul, 0x0000, 0x0000_0004_0000ul)] // s_l - 2^15 > SEQ: ROC + 1
    public void EstimateIndex_AppendixACases_MatchExpected(ulong highest, int sequence, ulong expected)
    {
        Assert.Equal(SrtpResult.Ok, SrtpStream.EstimateIndex(highest, (ushort)sequence, out ulong index));
        Assert.Equal(expected, index);
    }

    [Fact]
    public void EstimateIndex_BeforeFirstRollover_ReturnsTooOld()
    {
        Assert.Equal(SrtpResult.TooOld, SrtpStream.EstimateIndex(0x0005, 0xF000, out _));
    }

    [Fact]
    public void EstimateIndex_BeyondMaxRoc_ReturnsKeyLimitReached()
    {
        Assert.Equal(SrtpResult.KeyLimitReached, SrtpStream.EstimateIndex(SrtpStream.MaxIndex, 0x0001, out _));
    }
}
