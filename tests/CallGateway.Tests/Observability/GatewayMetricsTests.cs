using System.Diagnostics.Metrics;
using CallGateway.Calls;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Media;
using CallGateway.Meta.Graph;
using CallGateway.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.Tests.Observability;

/// <summary>The instruments of meter "CallGateway", observed through a MeterListener, and the hooks that feed them.</summary>
public sealed class GatewayMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLiveCalls _live = new();
    private readonly GatewayMetrics _metrics;
    private readonly MeasurementRecorder _recorder;

    public GatewayMetricsTests()
    {
        _metrics = new GatewayMetrics(_services.GetRequiredService<IMeterFactory>(), _live);
        _recorder = new MeasurementRecorder(_metrics.Meter);
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Meter_IsNamedCallGateway()
    {
        Assert.Equal("CallGateway", _metrics.Meter.Name);
        Assert.Equal(GatewayMetrics.MeterName, _metrics.Meter.Name);
    }

    [Theory]
    [InlineData(WebhookOutcome.Stored, "stored")]
    [InlineData(WebhookOutcome.Duplicate, "duplicate")]
    [InlineData(WebhookOutcome.Ignored, "ignored")]
    [InlineData(WebhookOutcome.RefusedSignature, "refused_signature")]
    [InlineData(WebhookOutcome.Malformed, "malformed")]
    [InlineData(WebhookOutcome.TooLarge, "too_large")]
    [InlineData(WebhookOutcome.Error, "error")]
    public void WebhookReceived_CountsByOutcomeAndRecordsIntakeMilliseconds(WebhookOutcome outcome, string tag)
    {
        _metrics.WebhookReceived(outcome, TimeSpan.FromMilliseconds(12.5));

        var count = Assert.Single(_recorder.Of("callgateway.webhooks"));
        Assert.Equal(1, count.Value);
        Assert.Equal(tag, count.Tags["outcome"]);
        var intake = Assert.Single(_recorder.Of("callgateway.webhook_intake.duration"));
        Assert.Equal(12.5, intake.Value, 6);
        Assert.Equal("ms", intake.Unit);
        Assert.Equal(tag, intake.Tags["outcome"]);
    }

    [Fact]
    public void CallConnected_RecordsSetupMillisecondsByDirection_AndIgnoresClockSkew()
    {
        _metrics.CallConnected(CallDirection.Inbound, TimeSpan.FromMilliseconds(850));
        _metrics.CallConnected(CallDirection.Outbound, TimeSpan.FromSeconds(7));
        _metrics.CallConnected(CallDirection.Outbound, TimeSpan.FromMilliseconds(-5));

        var setups = _recorder.Of("callgateway.call_setup.duration");
        Assert.Equal(2, setups.Count);
        Assert.Equal((850.0, "inbound"), (setups[0].Value, setups[0].Tags["direction"]));
        Assert.Equal((7000.0, "outbound"), (setups[1].Value, setups[1].Tags["direction"]));
    }

    [Fact]
    public void CallEnded_CountsByDirectionAndReason()
    {
        _metrics.CallEnded(CallDirection.Inbound, CallEndReason.Completed);
        _metrics.CallEnded(CallDirection.Outbound, CallEndReason.RejectedByUser);
        _metrics.CallEnded(CallDirection.Outbound, null);

        var ended = _recorder.Of("callgateway.calls.ended");
        Assert.Equal(["inbound/Completed", "outbound/RejectedByUser", "outbound/Unknown"],
            ended.Select(e => $"{e.Tags["direction"]}/{e.Tags["reason"]}"));
    }

    [Fact]
    public void GraphAttempt_CountsEveryAttempt_AndErrorsForNon2xxTimeoutsAndTransportFailures()
    {
        _metrics.GraphAttempt("calls/pre_accept", 200, timedOut: false, TimeSpan.FromMilliseconds(40));
        _metrics.GraphAttempt("calls/terminate", 503, timedOut: false, TimeSpan.FromMilliseconds(90));
        _metrics.GraphAttempt("calls/terminate", null, timedOut: true, TimeSpan.FromSeconds(10));
        _metrics.GraphAttempt("calls/connect", null, timedOut: false, TimeSpan.FromMilliseconds(3));

        Assert.Equal(["calls/pre_accept 200", "calls/terminate 503", "calls/terminate timeout", "calls/connect error"],
            _recorder.Of("callgateway.graph.requests").Select(Describe));
        Assert.Equal(["calls/terminate 503", "calls/terminate timeout", "calls/connect error"],
            _recorder.Of("callgateway.graph.errors").Select(Describe));
        Assert.Equal([40.0, 90.0, 10000.0, 3.0], _recorder.Of("callgateway.graph.duration").Select(m => m.Value));

        static string Describe(MeasurementRecorder.Recorded m) => $"{m.Tags["operation"]} {m.Tags["status"]}";
    }

    [Fact]
    public void GraphMetricsObserver_TranslatesRecordedAttempts()
    {
        var observer = new GraphMetricsObserver(_metrics);
        observer.OnAttempt(new GraphAttempt("call_1", "calls/accept", 1, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(20), 200, null));
        observer.OnAttempt(new GraphAttempt("call_1", "calls/accept", 2, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), null, "timeout"));

        Assert.Equal(["200", "timeout"], _recorder.Of("callgateway.graph.requests").Select(m => m.Tags["status"]));
    }

    [Fact]
    public void ActiveCalls_CountsLiveCallsByDirectionAndStatus_WithZerosForTheRest()
    {
        _live.Calls.AddRange([
            new LiveCallSample(CallDirection.Inbound, CallStatus.Connected, null),
            new LiveCallSample(CallDirection.Inbound, CallStatus.Connected, null),
            new LiveCallSample(CallDirection.Outbound, CallStatus.Ringing, null),
        ]);

        _recorder.Collect();

        var active = _recorder.Of("callgateway.active_calls").ToDictionary(m => $"{m.Tags["direction"]}/{m.Tags["status"]}", m => m.Value);
        Assert.Equal(2, active["inbound/Connected"]);
        Assert.Equal(1, active["outbound/Ringing"]);
        Assert.Equal(0, active["outbound/Connected"]);
        Assert.Equal(3, active.Values.Sum());
        Assert.DoesNotContain(active.Keys, k => k.EndsWith("/Terminated", StringComparison.Ordinal));
        Assert.Equal(2 * 7, active.Count); // every live status of both directions, so series never vanish
    }

    [Fact]
    public void MediaGauges_ReadLiveSessionsStats()
    {
        _live.Calls.AddRange([
            new LiveCallSample(CallDirection.Inbound, CallStatus.Connected, new MediaStats { PacketsReceived = 950, PacketsLost = 50, JitterMs = 4.5 }),
            new LiveCallSample(CallDirection.Outbound, CallStatus.Connected, new MediaStats { PacketsReceived = 300, PacketsLost = 0, JitterMs = 21.25 }),
            new LiveCallSample(CallDirection.Outbound, CallStatus.Dialing, null),
        ]);

        _recorder.Collect();

        Assert.Equal(21.25, Assert.Single(_recorder.Of("callgateway.media.jitter.max")).Value, 6);
        Assert.Equal(0.05, Assert.Single(_recorder.Of("callgateway.media.loss_ratio.max")).Value, 6);
        var packets = _recorder.Of("callgateway.media.packets").ToDictionary(m => m.Tags["kind"]!, m => m.Value);
        Assert.Equal(1250, packets["received"]);
        Assert.Equal(50, packets["lost"]);
    }

    [Fact]
    public void MediaGauges_WithoutLiveMedia_AreZero()
    {
        _recorder.Collect();

        Assert.Equal(0, Assert.Single(_recorder.Of("callgateway.media.jitter.max")).Value);
        Assert.Equal(0, Assert.Single(_recorder.Of("callgateway.media.loss_ratio.max")).Value);
        Assert.All(_recorder.Of("callgateway.media.packets"), m => Assert.Equal(0, m.Value));
    }

    [Fact]
    public void MeteredNotificationSink_RecordsSetupAndEndReason_AndForwardsEveryNotification()
    {
        var inner = new ListSink();
        var sink = new MeteredNotificationSink(inner, _metrics);
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var call = new CallState { Id = "call_1", Direction = CallDirection.Outbound, CreatedAt = created };

        sink.Publish(new CallNotification(CallNotifications.Ringing, call with { Status = CallStatus.Ringing }, created.AddSeconds(1)));
        sink.Publish(new CallNotification(CallNotifications.Connected, call with { Status = CallStatus.Connected, ConnectedAt = created.AddMilliseconds(4200) }, created.AddSeconds(5)));
        sink.Publish(new CallNotification(CallNotifications.Terminated, call with { Status = CallStatus.Terminated, EndReason = CallEndReason.HungUpByBusiness }, created.AddSeconds(9)));

        Assert.Equal([CallNotifications.Ringing, CallNotifications.Connected, CallNotifications.Terminated], inner.Types);
        var setup = Assert.Single(_recorder.Of("callgateway.call_setup.duration"));
        Assert.Equal((4200.0, "outbound"), (setup.Value, setup.Tags["direction"]));
        var ended = Assert.Single(_recorder.Of("callgateway.calls.ended"));
        Assert.Equal("HungUpByBusiness", ended.Tags["reason"]);
    }

    private sealed class FakeLiveCalls : ILiveCallSource
    {
        public List<LiveCallSample> Calls { get; } = [];

        public IReadOnlyList<LiveCallSample> Sample() => Calls;
    }

    private sealed class ListSink : ICallNotificationSink
    {
        public List<string> Types { get; } = [];

        public void Publish(CallNotification notification) => Types.Add(notification.Type);
    }
}
