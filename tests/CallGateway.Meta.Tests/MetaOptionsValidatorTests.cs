namespace CallGateway.Meta.Tests;

public class MetaOptionsValidatorTests
{
    [Fact]
    public void Validate_Complete_Succeeds()
    {
        var result = new MetaOptionsValidator().Validate(null, Complete());
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(nameof(MetaOptions.AccessToken), "Meta:AccessToken is required (environment variable Meta__AccessToken).")]
    [InlineData(nameof(MetaOptions.AppSecret), "Meta:AppSecret is required (environment variable Meta__AppSecret).")]
    [InlineData(nameof(MetaOptions.VerifyToken), "Meta:VerifyToken is required (environment variable Meta__VerifyToken).")]
    [InlineData(nameof(MetaOptions.PhoneNumberId), "Meta:PhoneNumberId is required (environment variable Meta__PhoneNumberId).")]
    public void Validate_MissingKey_NamesIt(string key, string message)
    {
        var options = Complete();
        typeof(MetaOptions).GetProperty(key)!.SetValue(options, "");
        var result = new MetaOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(message, result.Failures!);
    }

    [Theory]
    [InlineData("GraphApiBaseUrl", "not a url")]
    [InlineData("GraphApiBaseUrl", "ftp://graph.facebook.com")]
    [InlineData("ApiVersion", "23")]
    [InlineData("PhoneNumberId", "+1 650 123")]
    public void Validate_BadValues_Fail(string key, string value)
    {
        var options = Complete();
        typeof(MetaOptions).GetProperty(key)!.SetValue(options, value);
        Assert.True(new MetaOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void VersionedBaseUri_JoinsBaseAndVersion() =>
        Assert.Equal("https://graph.facebook.com/v23.0/", new MetaOptions().VersionedBaseUri.ToString());

    private static MetaOptions Complete() => new() { AccessToken = "t", AppSecret = "s", VerifyToken = "v", PhoneNumberId = "105615555715855" };
}
