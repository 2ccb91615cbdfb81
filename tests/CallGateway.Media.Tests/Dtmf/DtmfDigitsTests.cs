using CallGateway.Media.Dtmf;

namespace CallGateway.Media.Tests.Dtmf;

public class DtmfDigitsTests
{
    // RFC 4733 section 3.2, Table 3: DTMF named events.
    [Theory]
    [InlineData('0', 0)]
    [InlineData('5', 5)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('B', 13)]
    [InlineData('C', 14)]
    [InlineData('D', 15)]
    public void Mapping_IsBidirectional(char digit, int code)
    {
        Assert.True(DtmfDigits.TryGetEventCode(digit, out var mapped));
        Assert.Equal(code, mapped);
        Assert.True(DtmfDigits.TryGetDigit((byte)code, out var back));
        Assert.Equal(digit, back);
    }

    [Fact]
    public void TryGetEventCode_LowerCaseLetters_Accepted()
    {
        Assert.True(DtmfDigits.TryGetEventCode('d', out var code));
        Assert.Equal(15, code);
    }

    [Theory]
    [InlineData('E')]
    [InlineData('x')]
    [InlineData(' ')]
    [InlineData(',')]
    [InlineData('\0')]
    public void TryGetEventCode_NonDigit_ReturnsFalse(char digit)
    {
        Assert.False(DtmfDigits.TryGetEventCode(digit, out _));
    }

    [Fact]
    public void TryGetDigit_NonDtmfEvent_ReturnsFalse()
    {
        Assert.False(DtmfDigits.TryGetDigit(16, out _)); // flash
        Assert.False(DtmfDigits.TryGetDigit(255, out _));
    }

    [Fact]
    public void AreValid_ChecksEveryCharacter()
    {
        Assert.True(DtmfDigits.AreValid("159#*abcD0"));
        Assert.False(DtmfDigits.AreValid("15 9"));
        Assert.True(DtmfDigits.AreValid(""));
    }
}
