using System.Net;
using CallGateway.Media;
using CallGateway.Tests.Support;

namespace CallGateway.Tests.Observability;

/// <summary>/metrics: Prometheus text, no API key, the gateway's instruments after real webhooks and a call.</summary>
[Collection(nameof(ProcessWideMetricsCollection))]
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Metrics_WithoutKey_ShowWebhooksCallsGraphRequestsAndSetupTime()
    {
        var client = _gateway.CreateClient();
        var anonymous = _gateway.CreateClient();
        anonymous.DefaultRequestHeaders.Remove("X-Api-Key");

        // A forged webhook, then an inbound call that connects and is ended by Meta.
        await GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect("wacid.M1"), signature: "sha256=" + new string('0', 64));
        await GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect("wacid.M1"));
        await GatewayFactory.Eventually(() => Task.FromResult(_gateway.Graph.Actions.Contains("accept")), "the call to be accepted");
        await GatewayFactory.Eventually(() => Task.FromResult(_gateway.Media.Sessions.Count == 1), "the media session");
        _gateway.Media.Sessions.Single().Report(MediaSessionState.Connected);

        var live = await ScrapeUntilAsync(anonymous, text => PrometheusText.Value(text, "callgateway_active_calls", ("direction", "inbound"), ("status", "Connected")) >= 1,
            "an active connected inbound call");
        Assert.True(PrometheusText.Value(live, "callgateway_webhooks_total", ("outcome", "stored")) >= 1);
        Assert.True(PrometheusText.Value(live, "callgateway_webhooks_total", ("outcome", "refused_signature")) >= 1);
        Assert.True(PrometheusText.Value(live, "callgateway_webhook_intake_duration_milliseconds_count", ("outcome", "stored")) >= 1);
        Assert.True(PrometheusText.Value(live, "callgateway_graph_requests_total", ("operation", "calls/pre_accept"), ("status", "200")) >= 1);
        Assert.True(PrometheusText.Value(live, "callgateway_graph_requests_total", ("operation", "calls/accept"), ("status", "200")) >= 1);
        Assert.True(PrometheusText.Value(live, "callgateway_call_setup_duration_milliseconds_bucket", ("direction", "inbound"), ("le", "+Inf")) >= 1);
        Assert.True(PrometheusText.Value(live, "callgateway_call_setup_duration_milliseconds_count", ("direction", "inbound")) >= 1);
        Assert.NotNull(PrometheusText.Value(live, "callgateway_media_jitter_max_milliseconds"));
        Assert.NotNull(PrometheusText.Value(live, "callgateway_media_packets", ("kind", "lost")));
        Assert.NotNull(PrometheusText.Value(live, "http_server_request_duration_seconds_count")); // ASP.NET Core instrumentation

        await GatewayFactory.PostWebhookAsync(client, TestWebhooks.Terminate("wacid.M1"));
        await ScrapeUntilAsync(anonymous, text => PrometheusText.Value(text, "callgateway_calls_ended_total", ("direction", "inbound"), ("reason", "Completed")) >= 1,
            "the ended call to be counted");
    }

    [Fact]
    public async Task Metrics_AreAnonymous_ButTheApiStillNeedsAKey()
    {
        var anonymous = _gateway.CreateClient();
        anonymous.DefaultRequestHeaders.Remove("X-Api-Key");

        var metrics = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE callgateway_active_calls gauge", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/calls", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Metrics_SwitchedOff_AreNotServed()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Observability:Prometheus"] = "false" });
        var response = await gateway.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> condition, string what)
    {
        var text = "";
        await GatewayFactory.Eventually(async () =>
        {
            var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            return condition(text);
        }, what);
        return text;
    }
}
