using CallGateway.Media.Ice;

namespace CallGateway.Media.Tests.Ice;

public class IceCredentialsTests
{
    [Fact]
    public void Generate_ProducesValidDistinctCredentials()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 200; i++)
        {
            IceCredentials credentials = IceCredentials.Generate();

            Assert.True(credentials.Ufrag.Length >= 4);
            Assert.True(credentials.Password.Length >= 22);
            Assert.True(IceCredentials.IsValidUfrag(credentials.Ufrag));
            Assert.True(IceCredentials.IsValidPassword(credentials.Password));
            Assert.True(seen.Add(credentials.Password));
        }
    }

    [Theory]
    // Real values from Meta's Calling API samples and Chromium.
    [InlineData("kv6Jn8vBmEds/8", "OhY8sT7v6PJe3bbs0Yx2TC/oPb5oatnK", true)]
    [InlineData("e0VT", "TPMrQMw0Ys0/jA1IrjHb7IAp", true)]
    [InlineData("abc", "TPMrQMw0Ys0/jA1IrjHb7IAp", false)] // ufrag too short
    [InlineData("abcd", "TPMrQMw0Ys0/jA1IrjHb7I", true)]   // exactly 22
    [InlineData("abcd", "TPMrQMw0Ys0/jA1IrjHb7", false)]   // 21
    [InlineData("ab:d", "TPMrQMw0Ys0/jA1IrjHb7IAp", false)] // ':' would break USERNAME
    [InlineData("abcd", "TPMrQMw0Ys0/jA1IrjHb7IA=", false)]
    [InlineData("ab d", "TPMrQMw0Ys0/jA1IrjHb7IAp", false)]
    public void Constructor_ValidatesIceCharGrammar(string ufrag, string password, bool valid)
    {
        if (valid)
        {
            var credentials = new IceCredentials(ufrag, password);
            Assert.Equal(ufrag, credentials.Ufrag);
            Assert.Equal(password, credentials.Password);
        }
        else
        {
            Assert.Throws<ArgumentException>(() => new IceCredentials(ufrag, password));
        }
    }

    [Fact]
    public void ToString_NeverContainsPassword()
    {
        IceCredentials credentials = IceCredentials.Generate();

        Assert.DoesNotContain(credentials.Password, credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains(credentials.Ufrag, credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new IceCredentials("abcd", "TPMrQMw0Ys0/jA1IrjHb7IAp"), new IceCredentials("abcd", "TPMrQMw0Ys0/jA1IrjHb7IAp"));
        Assert.NotEqual(new IceCredentials("abcd", "TPMrQMw0Ys0/jA1IrjHb7IAp"), new IceCredentials("abcd", "TPMrQMw0Ys0/jA1IrjHb7IAq"));
    }
}
