using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpSequenceTests
{
    [Theory]
    [InlineData(10, 5, 5)]
    [InlineData(5, 10, -5)]
    [InlineData(2, 65534, 4)] // across the wrap
    [InlineData(65534, 2, -4)]
    [InlineData(32767, 0, 32767)]
    [InlineData(32768, 0, -32768)] // exactly half way: ambiguous, reported as behind
    [InlineData(7, 7, 0)]
    public void Difference_WrapAware_ReturnsSignedDistance(int a, int b, int expected)
    {
        Assert.Equal(expected, RtpSequence.Difference((ushort)a, (ushort)b));
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(0, 65535, true)]
    [InlineData(65535, 0, false)]
    [InlineData(100, 100, false)]
    [InlineData(32768, 0, false)]
    [InlineData(0, 32768, false)]
    public void IsNewer_WrapAware(int a, int b, bool expected)
    {
        Assert.Equal(expected, RtpSequence.IsNewer((ushort)a, (ushort)b));
        Assert.Equal(expected ? (ushort)a : (ushort)b, RtpSequence.Latest((ushort)a, (ushort)b));
    }
}
