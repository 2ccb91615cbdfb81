using System.Net;
using CallGateway.Tests.Support;

namespace CallGateway.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task VerifyTokenGuessing_IsRateLimited()
    {
        using var gateway = new GatewayFactory(new() { ["RateLimits:VerifyPerMinute"] = "5" });
        var client = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync(new Uri($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess{i}&hub.challenge=1", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Forbidden, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        // Even the right token is refused until the window passes.
        var right = await client.GetAsync(new Uri($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={GatewayFactory.VerifyToken}&hub.challenge=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task InternalApi_IsRateLimitedPerClientWith429AndRetryAfter()
    {
        using var gateway = new GatewayFactory(new() { ["RateLimits:ApiRequestsPerSecond"] = "3", ["RateLimits:ApiBurst"] = "3" });
        var client = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync(new Uri("/api/calls", UriKind.Relative));
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : limited;
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);

        // Webhooks from Meta are not throttled by the API budget.
        Assert.Equal(HttpStatusCode.OK, (await GatewayFactory.PostWebhookAsync(client, TestWebhooks.Terminate("wacid.RL"))).StatusCode);
    }
}
