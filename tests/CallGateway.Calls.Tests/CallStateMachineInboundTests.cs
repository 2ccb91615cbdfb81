using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using static CallGateway.Calls.Tests.CallStates;

namespace CallGateway.Calls.Tests;

/// <summary>Every row of the inbound table: Ringing -> PreAccepted -> Accepted -> Connected -> Terminated.</summary>
public class CallStateMachineInboundTests
{
    private static readonly string[] Ends = ["CancelTimer", "CloseMedia", "Publish call.terminated"];

    [Fact]
    public void New_UserConnect_RingsStartsTimerAndCreatesAnswer()
    {
        var r = Apply(Inbound(CallStatus.New), InboundConnect());
        Assert.Equal(CallStatus.Ringing, r.State.Status);
        Assert.Equal("15551112222", r.State.Peer);
        Assert.Equal(Offer, r.State.RemoteSdp);
        Assert.Equal(Now, r.State.RingingAt);
        CommandAssert.Sequence(r, "StartTimer", "Publish call.ringing", "CreateAnswer");
        var timer = Assert.IsType<StartTimer>(r.Commands[0]);
        Assert.Equal(TimeSpan.FromSeconds(44), timer.Due); // 45 s window minus the webhook's 1 s age
        Assert.Equal(new CallTransition(2, Now, CallStatus.New, CallStatus.Ringing, "ConnectReceived", null), r.Transition);
    }

    [Fact]
    public void New_ConnectOlderThanAcceptWindow_IsMissedWithoutSignaling()
    {
        var r = Apply(Inbound(CallStatus.New), InboundConnect(Now.AddSeconds(-90)));
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.Equal(CallEndReason.Missed, r.State.EndReason);
        Assert.DoesNotContain(r.Commands, c => c is SendSignal or CreateMediaAnswer);
    }

    [Fact]
    public void New_UserConnectWithoutOffer_RejectsTheCall()
    {
        var r = Apply(Inbound(CallStatus.New), InboundConnect() with { SdpType = "answer" });
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.Failed, r.State.EndReason);
        CommandAssert.Sequence(r, "Send Reject");
    }

    [Fact]
    public void Ringing_AnswerCreated_StoresSdpAndSendsPreAccept()
    {
        var r = Apply(Inbound(CallStatus.Ringing, localSdp: null), new MediaAnswerCreated(Answer));
        Assert.Equal(CallStatus.Ringing, r.State.Status);
        Assert.Equal(Answer, r.State.LocalSdp);
        Assert.Null(r.Transition);
        CommandAssert.Sequence(r, "Send PreAccept");
    }

    [Theory]
    [InlineData(true, new[] { "Send Accept" })]
    [InlineData(false, new string[0])]
    public void Ringing_PreAcceptOk_AutoAcceptsOnlyWhenPolicySaysSo(bool autoAccept, string[] expected)
    {
        var policy = CallPolicy.Default with { AutoAcceptInbound = autoAccept };
        var r = Apply(Inbound(CallStatus.Ringing), new SignalingSucceeded(SignalAction.PreAccept), policy);
        Assert.Equal(CallStatus.PreAccepted, r.State.Status);
        CommandAssert.Sequence(r, expected);
    }

    [Fact]
    public void Ringing_PreAcceptFailed_RejectsWithMetaCode()
    {
        var r = Apply(Inbound(CallStatus.Ringing), new SignalingFailed(SignalAction.PreAccept, "bad sdp", 100, true));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.Failed, r.State.EndReason);
        Assert.Equal(100, r.State.LastErrorCode);
        Assert.Equal("bad sdp", r.State.LastError);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Reject");
    }

    [Fact]
    public void PreAccepted_AcceptRequested_SendsAccept()
    {
        var r = Apply(Inbound(CallStatus.PreAccepted), new AcceptRequested());
        Assert.False(r.Refused);
        CommandAssert.Sequence(r, "Send Accept");
    }

    [Fact]
    public void Ringing_AcceptRequestedBeforeAnswer_IsRefused()
    {
        var r = Apply(Inbound(CallStatus.Ringing, localSdp: null), new AcceptRequested());
        Assert.True(r.Refused);
        Assert.Empty(r.Commands);
    }

    [Fact]
    public void PreAccepted_AcceptOk_WithoutMedia_IsAcceptedAndStartsMedia()
    {
        var r = Apply(Inbound(CallStatus.PreAccepted), new SignalingSucceeded(SignalAction.Accept));
        Assert.Equal(CallStatus.Accepted, r.State.Status);
        Assert.Equal(Now, r.State.AcceptedAt);
        CommandAssert.Sequence(r, "CancelTimer", "StartMedia", "Publish call.accepted");
    }

    [Fact]
    public void PreAccepted_AcceptOk_WithMediaUp_IsConnectedAtOnce()
    {
        var r = Apply(Inbound(CallStatus.PreAccepted, media: true), new SignalingSucceeded(SignalAction.Accept));
        Assert.Equal(CallStatus.Connected, r.State.Status);
        Assert.Equal(Now, r.State.ConnectedAt);
        CommandAssert.Sequence(r, "CancelTimer", "StartMedia", "Publish call.accepted", "Publish call.connected");
    }

    [Fact]
    public void PreAccepted_AcceptFailed_TerminatesBecauseMetaMayHaveAccepted()
    {
        var r = Apply(Inbound(CallStatus.PreAccepted), new SignalingFailed(SignalAction.Accept, "timeout", null, true));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Terminate");
    }

    [Theory]
    [InlineData(CallStatus.Ringing)]
    [InlineData(CallStatus.PreAccepted)]
    public void Ringing_MediaConnected_IsRecordedWithoutStatusChange(CallStatus status)
    {
        var r = Apply(Inbound(status), new MediaConnected());
        Assert.Equal(status, r.State.Status);
        Assert.True(r.State.MediaConnected);
        Assert.Empty(r.Commands);
    }

    [Fact]
    public void Accepted_MediaConnected_IsConnected()
    {
        var r = Apply(Inbound(CallStatus.Accepted), new MediaConnected());
        Assert.Equal(CallStatus.Connected, r.State.Status);
        CommandAssert.Sequence(r, "Publish call.connected");
    }

    [Theory]
    [InlineData(CallStatus.Ringing)]
    [InlineData(CallStatus.PreAccepted)]
    public void Ringing_RejectRequested_RejectsThroughMeta(CallStatus status)
    {
        var r = Apply(Inbound(status), new RejectRequested());
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.RejectedByBusiness, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Reject");
    }

    [Theory]
    [InlineData(CallStatus.Ringing)]
    [InlineData(CallStatus.PreAccepted)]
    public void Ringing_AcceptWindowElapsed_RejectsAsNotAnswered(CallStatus status)
    {
        var r = Apply(Inbound(status), new TimerElapsed(CallTimer.Answer));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.NotAnswered, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Reject");
    }

    [Theory]
    [InlineData(CallStatus.Ringing, "Send Reject")]
    [InlineData(CallStatus.Accepted, "Send Terminate")]
    [InlineData(CallStatus.Connected, "Send Terminate")]
    public void MediaFailed_EndsTheCallThroughMeta(CallStatus status, string signal)
    {
        var r = Apply(Inbound(status), new MediaFailed("ICE failed"));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.MediaFailed, r.State.EndReason);
        Assert.Equal("ICE failed", r.State.LastError);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", signal);
    }

    [Fact]
    public void Ringing_MediaSetupFailed_Rejects()
    {
        var r = Apply(Inbound(CallStatus.Ringing, localSdp: null), new MediaSetupFailed("no common codec"));
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.Failed, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Reject");
    }

    [Theory]
    [InlineData(CallStatus.Accepted)]
    [InlineData(CallStatus.Connected)]
    public void Active_Hangup_TerminatesThroughMeta(CallStatus status)
    {
        var r = Apply(Inbound(status, media: status == CallStatus.Connected), new HangupRequested());
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.HungUpByBusiness, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", "Send Terminate");
    }

    [Theory]
    [InlineData(CallStatus.Ringing, CallEndReason.Cancelled)]
    [InlineData(CallStatus.PreAccepted, CallEndReason.Cancelled)]
    [InlineData(CallStatus.Accepted, CallEndReason.Completed)]
    [InlineData(CallStatus.Connected, CallEndReason.Completed)]
    public void TerminateWebhook_EndsTheCall(CallStatus status, CallEndReason reason)
    {
        var r = Apply(Inbound(status), Terminate(duration: status is CallStatus.Ringing or CallStatus.PreAccepted ? null : 42));
        Assert.Equal(CallStatus.Terminated, r.State.Status);
        Assert.Equal(reason, r.State.EndReason);
        Assert.Equal(Now, r.State.EndedAt);
        Assert.Equal("COMPLETED", r.State.MetaTerminateStatus);
        CommandAssert.Sequence(r, Ends);
    }

    [Fact]
    public void TerminateWebhook_Failed_RecordsFailure()
    {
        var t = Terminate("FAILED", null) with { ErrorCode = 138021, ErrorMessage = "Media receive timeout" };
        var r = Apply(Inbound(CallStatus.Connected, media: true), t);
        Assert.Equal(CallEndReason.Failed, r.State.EndReason);
        Assert.Equal(138021, r.State.LastErrorCode);
    }

    [Theory]
    [InlineData(CallStatus.Accepted)]
    [InlineData(CallStatus.Connected)]
    public void Active_AcceptOrReject_IsRefused(CallStatus status)
    {
        Assert.True(Apply(Inbound(status), new AcceptRequested()).Refused);
        Assert.True(Apply(Inbound(status), new RejectRequested()).Refused);
    }

    [Theory]
    [InlineData(CallStatus.Ringing, "Send Reject")]
    [InlineData(CallStatus.Connected, "Send Terminate")]
    public void Shutdown_EndsTheCallThroughMeta(CallStatus status, string signal)
    {
        var r = Apply(Inbound(status), new ShutdownRequested("gateway stopping"));
        Assert.Equal(CallEndReason.GatewayShutdown, r.State.EndReason);
        CommandAssert.Sequence(r, "CancelTimer", "CloseMedia", signal);
    }

    [Fact]
    public void Connect_WhileShuttingDown_IsRejected()
    {
        var r = Apply(Inbound(CallStatus.New), InboundConnect(), CallPolicy.Default with { AdmitNewCalls = false });
        Assert.Equal(CallStatus.Terminating, r.State.Status);
        Assert.Equal(CallEndReason.GatewayShutdown, r.State.EndReason);
        CommandAssert.Sequence(r, "Send Reject");
    }

    [Theory]
    [InlineData(CallStatus.PreAccepted, SignalAction.Accept)]
    [InlineData(CallStatus.Terminating, SignalAction.Terminate)]
    public void SignalingDeferred_KeepsTheCallWaitingAndShowsWhy(CallStatus status, SignalAction action)
    {
        var r = Apply(Inbound(status), new SignalingDeferred(action, "HTTP 503"));
        Assert.Equal(status, r.State.Status);
        Assert.Empty(r.Commands);
        Assert.Null(r.Transition);
        Assert.Contains("503", r.State.LastError, StringComparison.Ordinal);
    }
}
