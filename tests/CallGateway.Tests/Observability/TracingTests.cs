using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using CallGateway.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenTelemetry.Trace;

namespace CallGateway.Tests.Observability;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the gateway traces: server spans (not health probes), its own
/// webhook-intake span under the request's, and call-action spans; no secret ends up in any span. (The OTLP endpoint here is a closed
/// port; the spans are read from an in-memory exporter added next to it.)
/// </summary>
[Collection(nameof(ProcessWideMetricsCollection))]
public sealed class TracingTests : IDisposable
{
    private readonly SpanList _spans = new();
    private readonly GatewayFactory _gateway = new(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
    private readonly WebApplicationFactory<Program> _traced;

    public TracingTests() =>
        _traced = _gateway.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans))));

    public void Dispose()
    {
        _traced.Dispose();
        _gateway.Dispose();
    }

    [Fact]
    public async Task InboundCall_TracesIntakeUnderTheRequestAndTheCallActions_AndNoSecrets()
    {
        var client = _traced.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.ApiKey);
        var verify = await client.GetAsync(new Uri($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={GatewayFactory.VerifyToken}&hub.challenge=7", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        await GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect("wacid.T1"));
        await GatewayFactory.Eventually(() => Task.FromResult(Snapshot().Any(s => s.DisplayName == "call Accept")), "the accept span");

        var spans = Snapshot();
        var intake = Assert.Single(spans, s => s.DisplayName == "webhook intake");
        Assert.Equal("stored", intake.GetTagItem("callgateway.webhook.outcome"));
        var request = Assert.Single(spans, s => s.SpanId == intake.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.StartsWith("/webhooks/whatsapp", (string?)request.GetTagItem("http.route"), StringComparison.Ordinal);

        foreach (var action in new[] { "PreAccept", "Accept" })
        {
            var span = Assert.Single(spans, s => s.DisplayName == "call " + action);
            Assert.Equal("wacid.T1", span.GetTagItem("callgateway.call.meta_id"));
            Assert.StartsWith("call_", (string?)span.GetTagItem("callgateway.call.id"), StringComparison.Ordinal);
            Assert.Equal("ok", span.GetTagItem("callgateway.call.action_result"));
            // The Graph HTTP span would be its child; this host's fake Graph handler replaces the socket handler that
            // emits it, so it is not asserted here.
        }

        Assert.DoesNotContain(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), "/healthz"));
        var handshake = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.request.method"), "GET"));
        Assert.Contains("hub.verify_token=", (string?)handshake.GetTagItem("url.query"), StringComparison.Ordinal); // recorded, values redacted
        var everything = string.Join('\n', spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")));
        foreach (var secret in new[] { GatewayFactory.VerifyToken, GatewayFactory.AppSecret, GatewayFactory.AccessToken, GatewayFactory.ApiKey })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private List<Activity> Snapshot() => _spans.Snapshot();

    /// <summary>The exporter adds from the request threads while the test reads.</summary>
    private sealed class SpanList : Collection<Activity>
    {
        private readonly Lock _gate = new();

        public List<Activity> Snapshot()
        {
            lock (_gate)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
