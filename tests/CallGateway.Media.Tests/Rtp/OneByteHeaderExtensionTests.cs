using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class OneByteHeaderExtensionTests
{
    // RFC 8285 §4.2 example shape: ID 1 with 1 octet, ID 2 with 2 octets, two padding octets, ID 3 with 4 octets.
    private static readonly byte[] Body = Convert.FromHexString("10AA" + "21BBCC" + "0000" + "33DDEEFF11" + "00000000");

    [Theory]
    [InlineData(1, "AA")]
    [InlineData(2, "BBCC")]
    [InlineData(3, "DDEEFF11")]
    public void TryFind_ElementsAndPadding_ReturnsData(int id, string expected)
    {
        Assert.True(OneByteHeaderExtension.TryFind(Body, id, out ReadOnlySpan<byte> value));
        Assert.Equal(expected, Convert.ToHexString(value));
    }

    [Fact]
    public void TryFind_Id15_StopsProcessing()
    {
        byte[] body = Convert.FromHexString("F0" + "10AA00");

        Assert.False(OneByteHeaderExtension.TryFind(body, 1, out _));
    }

    [Fact]
    public void TryFind_ElementRunsPastEnd_ReturnsFalse()
    {
        Assert.False(OneByteHeaderExtension.TryFind(Convert.FromHexString("13AABB"), 1, out _));
    }

    [Fact]
    public void TryWriteElement_Then_TryFind_RoundTrips()
    {
        var body = new byte[20];
        Assert.True(OneByteHeaderExtension.TryWriteElement(body, 5, new byte[16], out int first));
        Assert.True(OneByteHeaderExtension.TryWriteElement(body.AsSpan(first), 6, [7], out int second));
        int padded = OneByteHeaderExtension.PadToWord(body, first + second);

        Assert.Equal(20, padded);
        Assert.True(OneByteHeaderExtension.TryFind(body.AsSpan(0, padded), 6, out ReadOnlySpan<byte> value));
        Assert.Equal(new byte[] { 7 }, value.ToArray());
        Assert.False(OneByteHeaderExtension.TryWriteElement(body, 5, new byte[17], out _));
        Assert.False(OneByteHeaderExtension.TryWriteElement(body, 5, [], out _));
    }

    [Fact]
    public void TryFind_SeededRandom_NeverThrows()
    {
        var random = new Random(8285);
        var body = new byte[40];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(body.Length + 1);
            random.NextBytes(body.AsSpan(0, length));
            if (OneByteHeaderExtension.TryFind(body.AsSpan(0, length), random.Next(1, 15), out ReadOnlySpan<byte> value))
            {
                Assert.InRange(value.Length, 1, 16);
            }
        }
    }
}
