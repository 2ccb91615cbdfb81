using CallGateway.Permissions;

namespace CallGateway.Tests.Permissions;

/// <summary>The permission request message, its body validation, and user ids in routes and logs.</summary>
public sealed class PermissionRequestTests
{
    [Fact]
    public void Build_IsMetasInteractiveCallPermissionRequest() => Assert.Equal(
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"14085551234","type":"interactive","interactive":{"type":"call_permission_request","action":{"name":"call_permission_request"},"body":{"text":"May we call you?"}}}""",
        PermissionRequestMessage.Build("14085551234", "May we call you?").GetRawText());

    [Theory]
    [InlineData(null, true)]
    [InlineData("Hello,\nmay we call you?", true)]
    [InlineData("tab\there", false)]
    public void Validate_BodyText(string? text, bool valid) =>
        Assert.Equal(valid, new PermissionRequestBodyValidator().Validate(new PermissionRequestBody(text)).IsValid);

    [Fact]
    public void Validate_BodyTextOver1024_Fails()
    {
        var validator = new PermissionRequestBodyValidator();
        Assert.True(validator.Validate(new PermissionRequestBody(new string('x', 1024))).IsValid);
        Assert.False(validator.Validate(new PermissionRequestBody(new string('x', 1025))).IsValid);
    }

    [Theory]
    [InlineData("14085551234", "14085551234")]
    [InlineData("+14085551234", "14085551234")]
    [InlineData("1408555", "1408555")]
    [InlineData("0408555123", null)]
    [InlineData("1408-555-1234", null)]
    [InlineData("1234567890123456", null)]
    public void TryNormalize(string input, string? expected)
    {
        Assert.Equal(expected is not null, WaIds.TryNormalize(input, out var normalized));
        Assert.Equal(expected ?? "", normalized);
    }

    [Fact]
    public void Mask_KeepsTheLastFourDigits() => Assert.Equal("*******1234", WaIds.Mask("14085551234"));
}
