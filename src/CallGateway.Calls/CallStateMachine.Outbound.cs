using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;

namespace CallGateway.Calls;

public static partial class CallStateMachine
{
    // Outbound: Dialing (offer created, connect sent) -> Ringing -> Accepted (user picked up) -> Connected.
    // Meta's connect webhook (our SDP answer) may arrive before or after ACCEPTED: it is a media fact, not a pickup.
    private static CallTransitionResult OnOutbound(Step s, CallPolicy policy)
    {
        var status = s.State.Status;
        var beforePickup = status is CallStatus.Dialing or CallStatus.Ringing;
        return s.Event switch
        {
            TerminateReceived t => s.End(ReasonFromTerminate(s.State, t), ApplyTerminate(s.State, t), DetailOf(t)),
            MediaOfferCreated o when status == CallStatus.Dialing && s.State.LocalSdp is null =>
                s.Update(s.State with { LocalSdp = o.Sdp }, new SendSignal(SignalAction.Connect)),
            MediaSetupFailed f when status == CallStatus.Dialing && s.State.MetaCallId is null =>
                s.End(CallEndReason.Failed, s.State with { LastError = f.Reason }, f.Reason),
            SignalingSucceeded { Action: SignalAction.Connect } ok when status == CallStatus.Dialing =>
                s.Update(s.State with { MetaCallId = ok.MetaCallId }, new StartTimer(CallTimer.Answer, policy.OutboundRingTimeout)),
            SignalingFailed { Action: SignalAction.Connect } f when status == CallStatus.Dialing =>
                s.End(CallEndReason.Failed, s.State with { LastError = f.Error, LastErrorCode = f.MetaErrorCode }, f.Error),
            StatusReceived { Status: OutboundCallStatus.Ringing } when status == CallStatus.Dialing =>
                s.Move(CallStatus.Ringing, s.State with { RingingAt = s.Now }, null, new PublishNotification(CallNotifications.Ringing)),
            StatusReceived { Status: OutboundCallStatus.Accepted } when beforePickup => PickedUp(s),
            StatusReceived { Status: OutboundCallStatus.Rejected } when beforePickup => s.End(CallEndReason.RejectedByUser, s.State, null),
            ConnectReceived c when !c.UserInitiated && s.State.RemoteSdp is null && status != CallStatus.Connected =>
                s.Update(s.State with { RemoteSdp = c.Sdp }, new ApplyRemoteAnswer(c.Sdp)),
            RemoteAnswerApplied when !s.State.RemoteAnswerApplied => s.Update(s.State with { RemoteAnswerApplied = true }, new StartMediaFlow()),
            MediaConnected when status == CallStatus.Accepted =>
                s.Move(CallStatus.Connected, s.State with { MediaConnected = true, ConnectedAt = s.Now }, null, new PublishNotification(CallNotifications.Connected)),
            MediaConnected when beforePickup => s.Update(s.State with { MediaConnected = true }),
            MediaDisconnected => s.Update(s.State, new StartTimer(CallTimer.MediaGrace, policy.MediaGracePeriod)),
            TimerElapsed { Kind: CallTimer.MediaGrace } => EndThroughMeta(s, CallEndReason.MediaFailed, SignalAction.Terminate, MediaGone),
            TimerElapsed { Kind: CallTimer.Answer } when beforePickup => EndThroughMeta(s, CallEndReason.NotAnswered, SignalAction.Terminate, "ring timeout elapsed"),
            HangupRequested => EndThroughMeta(s, CallEndReason.HungUpByBusiness, SignalAction.Terminate, null),
            MediaFailed f => EndThroughMeta(s, CallEndReason.MediaFailed, SignalAction.Terminate, f.Reason),
            MediaSetupFailed f => EndThroughMeta(s, CallEndReason.MediaFailed, SignalAction.Terminate, f.Reason),
            ShutdownRequested r => EndThroughMeta(s, CallEndReason.GatewayShutdown, SignalAction.Terminate, r.Reason),
            AcceptRequested or RejectRequested => s.Refuse("an outbound call is answered or rejected by the WhatsApp user, not by the business"),
            _ => s.Refuse($"{s.Event.Name} does not apply to an outbound call that is {status}"),
        };
    }

    /// <summary>ACCEPTED: the user picked up. Connected at once when the media path is already up.</summary>
    private static CallTransitionResult PickedUp(Step s)
    {
        var accepted = s.State with { AcceptedAt = s.Now };
        if (!s.State.MediaConnected)
        {
            return s.Move(CallStatus.Accepted, accepted, null, new CancelTimer(), new PublishNotification(CallNotifications.Accepted));
        }

        return s.Move(CallStatus.Connected, accepted with { ConnectedAt = s.Now }, null,
            new CancelTimer(), new PublishNotification(CallNotifications.Accepted), new PublishNotification(CallNotifications.Connected));
    }
}
