using CallGateway.Events;

namespace CallGateway.Tests.Events;

public class StandardWebhookSignatureTests
{
    [Fact]
    public void Sign_MatchesTheStandardWebhooksReferenceVector()
    {
        // standard-webhooks spec example: secret, msg id, timestamp and payload from its test suite.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string body = "{\"test\": 2432232314}";
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", StandardWebhookSignature.Sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body));
    }

    [Fact]
    public void Verify_AcceptsAnyListedSignature_AndRejectsTampering()
    {
        var signature = StandardWebhookSignature.Sign("plain-secret-0123456789", "evt_1", 1700000000, "{}");
        Assert.True(StandardWebhookSignature.Verify("plain-secret-0123456789", "evt_1", 1700000000, "{}", "v1,bogus " + signature));
        Assert.False(StandardWebhookSignature.Verify("plain-secret-0123456789", "evt_1", 1700000001, "{}", signature));
        Assert.False(StandardWebhookSignature.Verify("plain-secret-0123456789", "evt_1", 1700000000, "{ }", signature));
        Assert.False(StandardWebhookSignature.Verify("other-secret-0123456789", "evt_1", 1700000000, "{}", signature));
    }
}
