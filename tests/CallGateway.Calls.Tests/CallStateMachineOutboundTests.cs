using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using static CallGateway.Calls.Tests.CallStates;

namespace CallGateway.Calls.Tests;

/// <summary>Every row of the outbound table: Dialing -> Ringing -> Accepted -> Connected -> Terminated.</summary>
public class CallStateMachineOutboundTests
{
    private static readonly string[] Ends = ["CancelTimer", "CloseMedia", "Publish call.terminated"];

    [Fact]
    public void New_Dial_IsDialingAndCreatesOffer()
    {
        var r = Apply(Outbound(CallStatus.New), new DialRequested("14085551234", "ticket-7"));
        Assert.Equal(CallStatus.Dialing, r.State.Status);
        Assert.Equal("14085551234", r.State.Peer);
        Assert.Equal("ticket-7", r.State.BizOpaqueCallbackData);
        CommandAssert.Sequence(r, "CreateOffer");
    }

    [Fact]
    public void Dialing_OfferCreated_SendsConnect()
    {
        var r = Apply(Outbound(CallStatus.Dialing) with { LocalSdp = null, MetaCallId = null }, new MediaOfferCreated(Offer));
        Assert.Equal(Offer, r.State.LocalSdp);
        CommandAssert.Sequence(r, "Send Connect");
    }

    [Fact]
    public void Dialing_ConnectOk_RecordsWacidAndStartsRingTimer()
    {
        var r = Apply(Outbound(CallStatus.Dialing, wacid: null), new SignalingSucceeded(SignalAction.Connect, "wacid.NEW"));
        Assert.Equal("wacid.NEW", r.State.MetaCallId);
        Assert.Equal(CallStatus.Dialing, r.State.Status);
        var timer = Assert.IsType<StartTimer>(Assert.Single(r.Commands));
        Assert.Equal(CallPolicy.Default.OutboundRingTimeout, timer.Due);
    }

    [Fact]
    public void Dialing_ConnectFailed_FailsWithoutSignalingAgain()
    {
        var r = Apply(Outbound(CallStatus.Dialing, wacid: null), new SignalingFailed(SignalAction.Connect, "No permission", 138006, true));
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.Equal(CallEndReason.Failed, r.State.EndReason);
        Assert.Equal(138006, r.State.LastErrorCode);
        CommandAssert.Sequence(r, Ends);
    }

    [Fact]
    public void Dialing_OfferFailed_Fails()
    {
        var r = Apply(Outbound(CallStatus.Dialing, wacid: null) with { LocalSdp = null }, new MediaSetupFailed("no port"));
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.Equal(CallEndReason.Failed, r.State.EndReason);
    }

    [Fact]
    public void Dialing_Ringing_IsRinging()
    {
        var r = Apply(Outbound(CallStatus.Dialing), Status(OutboundCallStatus.Ringing));
        Assert.Equal(CallStatus.Ringing, r.State.Status);
        CommandAssert.Sequence(r, "Publish call.ringing");
    }

    [Theory]
    [InlineData(CallStatus.Dialing)]
    [InlineData(CallStatus.Ringing)]
    [InlineData(CallStatus.Accepted)]
    public void ConnectWebhookWithAnswer_AppliesTheAnswer(CallStatus status)
    {
        var r = Apply(Outbound(status), OutboundConnect());
        Assert.Equal(status, r.State.Status);
        Assert.Equal(Answer, r.State.RemoteSdp);
        var apply = Assert.IsType<ApplyRemoteAnswer>(Assert.Single(r.Commands));
        Assert.Equal(Answer, apply.AnswerSdp);
    }

    [Fact]
    public void RemoteAnswerApplied_StartsMediaFlow()
    {
        var r = Apply(Outbound(CallStatus.Ringing) with { RemoteSdp = Answer }, new RemoteAnswerApplied());
        Assert.True(r.State.RemoteAnswerApplied);
        CommandAssert.Sequence(r, "StartMedia");
    }

    [Theory]
    [InlineData(CallStatus.Dialing)]
    [InlineData(CallStatus.Ringing)]
    public void Accepted_WithoutMedia_IsAccepted(CallStatus status)
    {
        var r = Apply(Outbound(status), Status(OutboundCallStatus.Accepted));
        Assert.Equal(CallStatus.Accepted, r.State.Status);
        Assert.Equal(Now, r.State.AcceptedAt);
        CommandAssert.Sequence(r, "CancelTimer", "Publish call.accepted");
    }

    [Fact]
    public void Accepted_AfterMediaCameUp_IsConnected()
    {
        var r = Apply(Outbound(CallStatus.Ringing, media: true, answered: true), Status(OutboundCallStatus.Accepted));
        Assert.Equal(CallStatus.Connected, r.State.Status);
        CommandAssert.Sequence(r, "CancelTimer", "Publish call.accepted", "Publish call.connected");
    }

    [Fact]
    public void Ringing_MediaConnected_IsRecordedOnly()
    {
        var r = Apply(Outbound(CallStatus.Ringing, answered: true), new MediaConnected());
        Assert.Equal(CallStatus.Ringing, r.State.Status);
        Assert.True(r.State.MediaConnected);
    }

    [Fact]
    public void Accepted_MediaConnected_IsConnected()
    {
        var r = Apply(Outbound(CallStatus.Accepted, answered: true), new MediaConnected());
        Assert.Equal(CallStatus.Connected, r.State.Status);
        CommandAssert.Sequence(r, "Publish call.connected");
    }

    [Theory]
    [InlineData(CallStatus.Dialing)]
    [InlineData(CallStatus.Ringing)]
    public void Rejected_IsTerminatedByUser(CallStatus status)
    {
        var r = Apply(Outbound(status), Status(OutboundCallStatus.Rejected));
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.Equal(CallEndReason.RejectedByUser, r.State.EndReason);
        CommandAssert.Sequence(r, Ends);
    }

    [Fact]
    public void Ringing_RingTimeout_TerminatesAsNotAnswered()
    {
        var r = Apply(Outbound(CallStatus.Ringing), new TimerElapsed(CallTimer.Answer));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.NotAnswered, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Terminate");
    }

    [Theory]
    [InlineData(CallStatus.Dialing)]
    [InlineData(CallStatus.Ringing)]
    [InlineData(CallStatus.Accepted)]
    [InlineData(CallStatus.Connected)]
    public void Hangup_TerminatesThroughMeta(CallStatus status)
    {
        var r = Apply(Outbound(status), new HangupRequested());
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.HungUpByBusiness, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Terminate");
    }

    [Fact]
    public void Hangup_BeforeMetaKnowsTheCall_EndsLocally()
    {
        var r = Apply(Outbound(CallStatus.Dialing, wacid: null), new HangupRequested());
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.DoesNotContain(r.Commands, c => c is SendSignal);
    }

    [Theory]
    [InlineData(CallStatus.Ringing, null, CallEndReason.NotAnswered)]
    [InlineData(CallStatus.Connected, 42L, CallEndReason.Completed)]
    public void TerminateWebhook_EndsTheCall(CallStatus status, long? duration, CallEndReason reason)
    {
        var r = Apply(Outbound(status), Terminate(duration: duration));
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.Equal(reason, r.State.EndReason);
        Assert.Equal(duration, r.State.DurationSeconds);
    }

    [Fact]
    public void ApplyAnswerFailed_TerminatesAsMediaFailure()
    {
        var r = Apply(Outbound(CallStatus.Ringing) with { RemoteSdp = Answer }, new MediaSetupFailed("fingerprint missing"));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.MediaFailed, r.State.EndReason);
    }

    [Fact]
    public void AcceptOrRejectByBusiness_IsRefused()
    {
        Assert.True(Apply(Outbound(CallStatus.Ringing), new AcceptRequested()).Refused);
        Assert.True(Apply(Outbound(CallStatus.Ringing), new RejectRequested()).Refused);
    }

    [Fact]
    public void Terminating_SignalOkOrTerminateWebhook_Terminates()
    {
        var terminating = Outbound(CallStatus.Terminating) with { EndReason = CallEndReason.HungUpByBusiness };
        var ok = Apply(terminating, new SignalingSucceeded(SignalAction.Terminate));
        Assert.Equal(CallStatus.Terminated, ok.State.Status);
        Assert.Equal(CallEndReason.HungUpByBusiness, ok.State.EndReason);

        var failed = Apply(terminating, new SignalingFailed(SignalAction.Terminate, "already ended", 138000, true));
        Assert.Equal(CallStatus.Terminated, failed.State.Status);
        Assert.Equal("already ended", failed.State.LastError);

        var webhook = Apply(terminating, Terminate());
        Assert.Equal(CallStatus.Terminated, webhook.State.Status);
        Assert.Equal(CallEndReason.HungUpByBusiness, webhook.State.EndReason);
        Assert.Equal(42, webhook.State.DurationSeconds);
    }
}
