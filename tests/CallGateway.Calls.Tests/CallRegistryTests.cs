using CallGateway.Calls.Actors;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Calls.Tests.Fakes;
using CallGateway.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallGateway.Calls.Tests;

/// <summary>The actor and registry running real events through fakes of Meta, media and storage.</summary>
public sealed class CallRegistryTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingSignaling _signaling = new();
    private readonly FakeMediaEngine _media = new();
    private readonly InMemoryCallStore _store = new();
    private readonly RecordingNotifications _notifications = new();
    private readonly CallsOptions _options = new();
    private readonly CallRegistry _registry;

    public CallRegistryTests()
    {
        var context = new CallActorContext(_store, _signaling, _media, _notifications, new StaticOptionsMonitor<CallsOptions>(_options), _time, NullLoggerFactory.Instance);
        _registry = new CallRegistry(context);
    }

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task InboundConnect_PreAcceptsThenAcceptsWithTheSameAnswer()
    {
        var result = await ConnectAsync("wacid.A");

        Assert.Equal(CallStatus.Ringing, result!.State.Status); // the result of the connect event itself
        var call = await _store.FindByMetaCallIdAsync("wacid.A", default);
        Assert.Equal(CallStatus.Accepted, call!.Status);
        Assert.Equal([SignalAction.PreAccept, SignalAction.Accept], _signaling.Actions);
        var sdps = _signaling.Sent.Select(s => s.Sdp).Distinct().ToList();
        Assert.Equal(_media.Sessions.Single().LocalSdp, Assert.Single(sdps)); // accept repeats pre_accept's SDP
        Assert.True(_media.Sessions.Single().Sending);
        var history = await _store.GetHistoryAsync(call.Id, default);
        Assert.Equal([CallStatus.Ringing, CallStatus.PreAccepted, CallStatus.Accepted], history.Select(h => h.To));
        Assert.Equal([1, 2, 3], history.Select(h => h.Sequence));
    }

    [Fact]
    public async Task MediaConnectedAfterAccept_ConnectsTheCall()
    {
        await ConnectAsync("wacid.B");
        _media.Sessions.Single().Report(MediaSessionState.Connected);

        var call = await WaitForAsync("wacid.B", CallStatus.Connected);
        Assert.Equal(_time.GetUtcNow(), call.ConnectedAt);
        Assert.Contains(_notifications.Published, n => n.Type == CallNotifications.Connected && n.Call.Id == call.Id);
    }

    [Fact]
    public async Task ManualPolicy_AcceptWindowElapses_RejectsAsNotAnswered()
    {
        _options.InboundPolicy = InboundAnswerMode.Manual;
        await ConnectAsync("wacid.C");
        var call = await _store.FindByMetaCallIdAsync("wacid.C", default);
        Assert.Equal(CallStatus.PreAccepted, call!.Status);

        _time.Advance(TimeSpan.FromSeconds(44));
        Assert.Equal([SignalAction.PreAccept], _signaling.Actions);
        _time.Advance(TimeSpan.FromSeconds(1.5));

        call = await WaitForAsync("wacid.C", CallStatus.Terminated);
        Assert.Equal(CallEndReason.NotAnswered, call.EndReason);
        Assert.Equal([SignalAction.PreAccept, SignalAction.Reject], _signaling.Actions);
        Assert.True(_media.Sessions.Single().Disposed);
    }

    [Fact]
    public async Task ManualPolicy_AcceptThroughApi_AcceptsAndCancelsTheTimer()
    {
        _options.InboundPolicy = InboundAnswerMode.Manual;
        await ConnectAsync("wacid.D");
        var id = (await _store.FindByMetaCallIdAsync("wacid.D", default))!.Id;

        var result = await _registry.SendAsync(id, new AcceptRequested(), default);
        Assert.False(result!.Refused);
        _time.Advance(TimeSpan.FromSeconds(60));

        var call = await _store.GetAsync(id, default);
        Assert.Equal(CallStatus.Accepted, call!.Status);
        Assert.Equal([SignalAction.PreAccept, SignalAction.Accept], _signaling.Actions);
    }

    [Fact]
    public async Task TerminateBeforeConnect_CreatesTombstoneAndLateConnectIsIgnored()
    {
        var terminate = new TerminateReceived("wacid.E", "COMPLETED", null, null, null, null, null, _time.GetUtcNow());
        await _registry.SendToMetaCallAsync("wacid.E", terminate, now => NewInbound("wacid.E", now), default);
        var late = await ConnectAsync("wacid.E");

        Assert.True(late!.Refused);
        Assert.Empty(_signaling.Actions);
        Assert.Empty(_media.Sessions);
        Assert.Equal(CallStatus.Terminated, (await _store.FindByMetaCallIdAsync("wacid.E", default))!.Status);
    }

    [Fact]
    public async Task Outbound_ConnectsAndMapsWacidForLaterWebhooks()
    {
        var started = await _registry.StartOutboundAsync(new DialRequested("14085551234", null), default);
        Assert.Equal(CallStatus.Dialing, started.State.Status);
        var sent = Assert.Single(_signaling.Sent);
        Assert.Equal(SignalAction.Connect, sent.Action);
        Assert.Equal(_media.Sessions.Single().LocalSdp, sent.Sdp);

        await _registry.SendToMetaCallAsync("wacid.OUT", new StatusReceived("wacid.OUT", OutboundCallStatus.Ringing, _time.GetUtcNow()), null, default);
        await _registry.SendToMetaCallAsync("wacid.OUT", new ConnectReceived("wacid.OUT", null, null, false, "answer", "v=0 their answer", _time.GetUtcNow(), null), null, default);
        await _registry.SendToMetaCallAsync("wacid.OUT", new StatusReceived("wacid.OUT", OutboundCallStatus.Accepted, _time.GetUtcNow()), null, default);
        _media.Sessions.Single().Report(MediaSessionState.Connected);

        var call = await WaitForAsync("wacid.OUT", CallStatus.Connected);
        Assert.Equal(started.State.Id, call.Id);
        Assert.Equal("v=0 their answer", _media.Sessions.Single().RemoteAnswer);
        Assert.True(_media.Sessions.Single().Sending);
    }

    [Fact]
    public async Task UnknownBusinessInitiatedCall_IsNotCreated()
    {
        var status = new StatusReceived("wacid.NOPE", OutboundCallStatus.Ringing, _time.GetUtcNow());
        Assert.Null(await _registry.SendToMetaCallAsync("wacid.NOPE", status, null, default));
    }

    [Fact]
    public async Task EndedCall_IsEvictedAndLateEventsReloadItFromTheStore()
    {
        await ConnectAsync("wacid.F");
        var id = (await _store.FindByMetaCallIdAsync("wacid.F", default))!.Id;
        await _registry.SendAsync(id, new HangupRequested(), default);
        Assert.DoesNotContain(_registry.Actors, a => a.CallId == id);

        var late = await _registry.SendToMetaCallAsync("wacid.F", new TerminateReceived("wacid.F", "COMPLETED", null, null, 17, null, null, _time.GetUtcNow()), null, default);
        Assert.NotNull(late);
        Assert.Equal(17, (await _store.GetAsync(id, default))!.DurationSeconds);
    }

    [Fact]
    public async Task ConcurrentEvents_AreHandledOneAtATime()
    {
        await ConnectAsync("wacid.G");
        var id = (await _store.FindByMetaCallIdAsync("wacid.G", default))!.Id;
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _registry.SendAsync(id, new HangupRequested(), default)));

        Assert.Single(results, r => r is { Refused: false });
        Assert.Equal(1, _signaling.Actions.Count(a => a == SignalAction.Terminate));
    }

    private Task<CallTransitionResult?> ConnectAsync(string wacid) =>
        _registry.SendToMetaCallAsync(wacid, new ConnectReceived(wacid, "15551112222", "16501230000", true, "offer", "v=0 offer", _time.GetUtcNow(), null),
            now => NewInbound(wacid, now), default);

    private static CallState NewInbound(string wacid, DateTimeOffset now) =>
        new() { Id = CallIds.New(), Direction = CallDirection.Inbound, MetaCallId = wacid, CreatedAt = now };

    private async Task<CallState> WaitForAsync(string wacid, CallStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var call = await _store.FindByMetaCallIdAsync(wacid, default);
            if (call?.Status == status)
            {
                return call;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{wacid} never reached {status}");
    }
}
