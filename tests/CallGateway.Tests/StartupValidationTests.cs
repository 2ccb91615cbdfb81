using CallGateway.Tests.Support;
using Microsoft.Extensions.Options;

namespace CallGateway.Tests;

public class StartupValidationTests
{
    [Theory]
    [InlineData("Meta:AccessToken", "Meta:AccessToken is required (environment variable Meta__AccessToken).")]
    [InlineData("Meta:AppSecret", "Meta:AppSecret is required (environment variable Meta__AppSecret).")]
    public void MissingMetaKey_StopsStartupNamingTheKey(string key, string message)
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { [key] = "" });
        var ex = Assert.Throws<OptionsValidationException>(() => gateway.CreateClient());
        Assert.Contains(message, ex.Failures);
    }

    [Fact]
    public void RootAppSettings_AreLoaded()
    {
        using var gateway = new GatewayFactory();
        var configuration = (Microsoft.Extensions.Configuration.IConfiguration)gateway.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
        Assert.Equal("v23.0", configuration["Meta:ApiVersion"]);
        Assert.Equal("45", configuration["Calls:AcceptWindowSeconds"]);
    }
}
