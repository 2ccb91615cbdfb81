using System.Collections.Concurrent;
using System.Diagnostics;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Observability;

namespace CallGateway.Tests.Observability;

/// <summary>Call-control actions get a span on ActivitySource "CallGateway" with the call's ids and the result.</summary>
public sealed class TracedCallSignalingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly string _callId = "call_" + Guid.NewGuid().ToString("N");

    public TracedCallSignalingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CallGateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task SendAsync_Success_SpanNamedAfterTheActionWithCallTags()
    {
        var signaling = new TracedCallSignaling(new ScriptedSignaling(SignalingResult.Ok("wacid.NEW")));

        var result = await signaling.SendAsync(Call(), SignalAction.Connect, CancellationToken.None);

        Assert.True(result.Succeeded);
        var span = Assert.Single(Mine());
        Assert.Equal("call Connect", span.DisplayName);
        Assert.Equal("outbound", span.GetTagItem("callgateway.call.direction"));
        Assert.Equal("Connect", span.GetTagItem("callgateway.call.action"));
        Assert.Equal("ok", span.GetTagItem("callgateway.call.action_result"));
        Assert.Equal("wacid.NEW", span.GetTagItem("callgateway.call.meta_id"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task SendAsync_MetaRefusal_SpanIsAnErrorWithMetasCode()
    {
        var signaling = new TracedCallSignaling(new ScriptedSignaling(SignalingResult.Fail("no permission", 138006)));

        await signaling.SendAsync(Call(), SignalAction.Connect, CancellationToken.None);

        var span = Assert.Single(Mine());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("no permission", span.StatusDescription);
        Assert.Equal(138006, span.GetTagItem("callgateway.meta.error_code"));
        Assert.Equal("failed", span.GetTagItem("callgateway.call.action_result"));
    }

    [Fact]
    public async Task SendAsync_Deferred_IsNotAnError()
    {
        var signaling = new TracedCallSignaling(new ScriptedSignaling(SignalingResult.Retrying("HTTP 503")));

        await signaling.SendAsync(Call() with { MetaCallId = "wacid.X" }, SignalAction.Terminate, CancellationToken.None);

        var span = Assert.Single(Mine());
        Assert.Equal("call Terminate", span.DisplayName);
        Assert.Equal("deferred", span.GetTagItem("callgateway.call.action_result"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    private CallState Call() => new() { Id = _callId, Direction = CallDirection.Outbound, CreatedAt = DateTimeOffset.UtcNow };

    // Other tests' gateways use the same ActivitySource in parallel: keep this test's spans only.
    private List<Activity> Mine() => _stopped.Where(a => Equals(a.GetTagItem("callgateway.call.id"), _callId)).ToList();

    private sealed class ScriptedSignaling(SignalingResult result) : ICallSignaling
    {
        public Task<SignalingResult> SendAsync(CallState call, SignalAction action, CancellationToken cancellationToken) => Task.FromResult(result);
    }
}
