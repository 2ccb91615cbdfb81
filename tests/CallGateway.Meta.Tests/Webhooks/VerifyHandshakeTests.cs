using CallGateway.Meta.Webhooks;

namespace CallGateway.Meta.Tests.Webhooks;

public class VerifyHandshakeTests
{
    [Fact]
    public void Answer_MatchingToken_EchoesChallenge() =>
        Assert.Equal("1158201444", VerifyHandshake.Answer("subscribe", "my-token", "1158201444", "my-token"));

    [Theory]
    [InlineData("unsubscribe", "my-token", "123")]
    [InlineData(null, "my-token", "123")]
    [InlineData("subscribe", "wrong", "123")]
    [InlineData("subscribe", "my-toke", "123")]
    [InlineData("subscribe", null, "123")]
    [InlineData("subscribe", "my-token", null)]
    [InlineData("subscribe", "my-token", "<script>alert(1)</script>")]
    [InlineData("subscribe", "my-token", "")]
    [InlineData("subscribe", "my-token", "a b")]
    public void Answer_AnythingElse_IsRefused(string? mode, string? token, string? challenge) =>
        Assert.Null(VerifyHandshake.Answer(mode, token, challenge, "my-token"));

    [Fact]
    public void Answer_NoConfiguredToken_RefusesEvenAnEmptyToken() =>
        Assert.Null(VerifyHandshake.Answer("subscribe", "", "123", ""));
}
