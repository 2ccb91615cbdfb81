using System.Text;
using CallGateway.Meta.Webhooks;

namespace CallGateway.Meta.Tests.Webhooks;

public class WebhookSignatureTests
{
    [Theory]
    // GitHub's published vector ("Validating webhook deliveries").
    [InlineData("It's a Secret to Everybody", "Hello, World!", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    // Meta-style vector, re-computed with openssl dgst -sha256 -hmac.
    [InlineData("test_app_secret", "{\"object\":\"whatsapp_business_account\",\"entry\":[]}", "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    public void Verify_PublishedVectors_AreValid(string secret, string body, string header)
    {
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Encoding.UTF8.GetBytes(body), header, secret));
        Assert.Equal(header, WebhookSignature.Compute(Encoding.UTF8.GetBytes(body), secret));
    }

    [Fact]
    public void Verify_UppercaseHex_IsAccepted()
    {
        var body = "{}"u8.ToArray();
        var header = "sha256=" + WebhookSignature.Compute(body, "s")[7..].ToUpperInvariant();
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(body, header, "s"));
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d", SignatureCheck.Malformed)]
    [InlineData("sha256=xyz", SignatureCheck.Malformed)]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1", SignatureCheck.Malformed)]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1g", SignatureCheck.Malformed)]
    [InlineData("sha256=ü57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", SignatureCheck.Malformed)]
    [InlineData("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", SignatureCheck.Mismatch)]
    public void Verify_BadHeaders_AreRefusedNotThrown(string? header, SignatureCheck expected) =>
        Assert.Equal(expected, WebhookSignature.Verify("Hello, World!"u8, header, "It's a Secret to Everybody"));

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var body = "Hello, World!"u8.ToArray();
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(body, WebhookSignature.Compute(body, "other"), "It's a Secret to Everybody"));
    }

    [Fact]
    public void Verify_ReserialisedBody_IsMismatch()
    {
        // Meta sends non-ASCII escaped; decoding and re-encoding the JSON changes the bytes and so the HMAC.
        var asSent = Encoding.UTF8.GetBytes("{\"name\":\"Jos\\u00e9\"}");
        var reserialised = Encoding.UTF8.GetBytes("{\"name\":\"José\"}");
        var header = WebhookSignature.Compute(asSent, "test_app_secret");
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(asSent, header, "test_app_secret"));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(reserialised, header, "test_app_secret"));
    }

    [Fact]
    public void Verify_TruncatedBody_IsMismatch()
    {
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"u8.ToArray();
        var header = WebhookSignature.Compute(body, "k");
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(body.AsSpan(0, body.Length - 1), header, "k"));
    }
}
