using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;

namespace CallGateway.Calls;

public static partial class CallStateMachine
{
    // Inbound: Ringing (offer received, answer created, pre_accept sent) -> PreAccepted -> Accepted -> Connected.
    private static CallTransitionResult OnInbound(Step s, CallPolicy policy)
    {
        var ringing = s.State.Status is CallStatus.Ringing or CallStatus.PreAccepted;
        return s.Event switch
        {
            TerminateReceived t => s.End(ReasonFromTerminate(s.State, t), ApplyTerminate(s.State, t), DetailOf(t)),
            MediaAnswerCreated a when s.State.Status == CallStatus.Ringing && s.State.LocalSdp is null =>
                s.Update(s.State with { LocalSdp = a.Sdp }, new SendSignal(SignalAction.PreAccept)),
            SignalingSucceeded { Action: SignalAction.PreAccept } when s.State.Status == CallStatus.Ringing =>
                s.Move(CallStatus.PreAccepted, s.State, null, policy.AutoAcceptInbound ? [new SendSignal(SignalAction.Accept)] : []),
            SignalingSucceeded { Action: SignalAction.Accept } when ringing => Accepted(s),
            SignalingFailed { Action: SignalAction.PreAccept or SignalAction.Accept } f when ringing =>
                EndThroughMeta(s with { State = s.State with { LastErrorCode = f.MetaErrorCode } }, CallEndReason.Failed,
                    f.Action == SignalAction.Accept ? SignalAction.Terminate : SignalAction.Reject, f.Error),
            AcceptRequested when ringing && s.State.LocalSdp is not null => s.Update(s.State, new SendSignal(SignalAction.Accept)),
            AcceptRequested when ringing => s.Refuse("the media answer is not ready yet"),
            RejectRequested or HangupRequested when ringing => EndThroughMeta(s, CallEndReason.RejectedByBusiness, SignalAction.Reject, null),
            TimerElapsed { Kind: CallTimer.Answer } when ringing => EndThroughMeta(s, CallEndReason.NotAnswered, SignalAction.Reject, "accept window elapsed"),
            MediaSetupFailed f when ringing => EndThroughMeta(s, CallEndReason.Failed, SignalAction.Reject, f.Reason),
            MediaFailed f when ringing => EndThroughMeta(s, CallEndReason.MediaFailed, SignalAction.Reject, f.Reason),
            ShutdownRequested r when ringing => EndThroughMeta(s, CallEndReason.GatewayShutdown, SignalAction.Reject, r.Reason),
            MediaConnected when ringing => s.Update(s.State with { MediaConnected = true }),
            MediaDisconnected => s.Update(s.State, new StartTimer(CallTimer.MediaGrace, policy.MediaGracePeriod)),
            TimerElapsed { Kind: CallTimer.MediaGrace } => EndThroughMeta(s, CallEndReason.MediaFailed, ringing ? SignalAction.Reject : SignalAction.Terminate, MediaGone),
            MediaConnected when s.State.Status == CallStatus.Accepted =>
                s.Move(CallStatus.Connected, s.State with { MediaConnected = true, ConnectedAt = s.Now }, null, new PublishNotification(CallNotifications.Connected)),
            HangupRequested => EndThroughMeta(s, CallEndReason.HungUpByBusiness, SignalAction.Terminate, null),
            MediaFailed f => EndThroughMeta(s, CallEndReason.MediaFailed, SignalAction.Terminate, f.Reason),
            ShutdownRequested r => EndThroughMeta(s, CallEndReason.GatewayShutdown, SignalAction.Terminate, r.Reason),
            AcceptRequested or RejectRequested => s.Refuse($"the call is {s.State.Status}: only a ringing call can be accepted or rejected"),
            _ => s.Refuse($"{s.Event.Name} does not apply to an inbound call that is {s.State.Status}"),
        };
    }

    /// <summary>Accept returned 200: media may now flow; Connected at once when ICE/DTLS are already up.</summary>
    private static CallTransitionResult Accepted(Step s)
    {
        var accepted = s.State with { AcceptedAt = s.Now };
        if (!s.State.MediaConnected)
        {
            return s.Move(CallStatus.Accepted, accepted, null,
                new CancelTimer(), new StartMediaFlow(), new PublishNotification(CallNotifications.Accepted));
        }

        return s.Move(CallStatus.Connected, accepted with { ConnectedAt = s.Now }, null,
            new CancelTimer(), new StartMediaFlow(), new PublishNotification(CallNotifications.Accepted),
            new PublishNotification(CallNotifications.Connected));
    }
}
