using System.Net;
using CallGateway.Tests.Support;

namespace CallGateway.Tests;

/// <summary>The internal API needs a client key; Meta's webhook, health probes and the OpenAPI document do not.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key-wrong-key")]
    [InlineData(GatewayFactory.ApiKey + "x")]
    public async Task Api_WithoutAValidKey_Is401ProblemJson(string? key)
    {
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var response = await client.GetAsync(new Uri("/api/calls", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithTheKey_IsServed() =>
        Assert.Equal(HttpStatusCode.OK, (await _gateway.CreateClient().GetAsync(new Uri("/api/calls", UriKind.Relative))).StatusCode);

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task PublicEndpoints_NeedNoKey(string path)
    {
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Webhook_IsAuthenticatedBySignatureNotByKey()
    {
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        var response = await GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect("wacid.NOKEY"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DeclaresTheKeyScheme()
    {
        var doc = await _gateway.CreateClient().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        Assert.Contains("\"securitySchemes\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"X-Api-Key\"", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void NoKeysWithoutSandbox_StopsStartup()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Api:Keys:0:Key"] = "", ["Api:Keys:0:Client"] = "" });
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => gateway.CreateClient());
        Assert.Contains(ex.Failures, f => f.Contains("Api:Keys", StringComparison.Ordinal));
    }
}
