using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;

namespace CallGateway.Calls;

/// <summary>
/// The per-call state machine as a pure function: (state, event) -> (new state, commands). No I/O, no clock
/// reads: "now" is passed in. Every status absorbs duplicates, and Terminated absorbs everything, so redelivered
/// and out-of-order webhooks (terminate before connect, ACCEPTED after terminate) cannot move a call backwards.
/// </summary>
public static partial class CallStateMachine
{
    public static CallTransitionResult Transition(CallState state, CallEvent evt, CallPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(policy);
        var step = new Step(state, evt, now);
        if (evt is SignalingDeferred deferred)
        {
            // Meta did not confirm yet and the outbox retries: nothing changes but the error we show.
            return state.IsTerminal ? step.Refuse("call already terminated") : step.Update(state with { LastError = $"{deferred.Action} retrying: {deferred.Error}" });
        }

        return state.Status switch
        {
            CallStatus.New => OnNew(step, policy),
            CallStatus.Terminated => OnTerminated(step),
            CallStatus.Terminating => OnTerminating(step),
            _ when state.Direction == CallDirection.Inbound => OnInbound(step, policy),
            _ => OnOutbound(step, policy),
        };
    }

    private static CallTransitionResult OnNew(Step s, CallPolicy policy) => s.Event switch
    {
        ConnectReceived c when c.UserInitiated => OnInboundConnect(s, c, policy),
        TerminateReceived t => s.End(ReasonFromTerminate(s.State, t), ApplyTerminate(s.State, t), DetailOf(t)),
        DialRequested d => s.Move(CallStatus.Dialing, s.State with { Peer = d.To, BizOpaqueCallbackData = d.BizOpaqueCallbackData }, null, new CreateMediaOffer()),
        ConnectReceived => s.Refuse("a business-initiated connect for a call we did not place"),
        _ => s.Refuse($"no call yet: {s.Event.Name} ignored"),
    };

    private static CallTransitionResult OnInboundConnect(Step s, ConnectReceived c, CallPolicy policy)
    {
        var state = s.State with
        {
            MetaCallId = c.MetaCallId,
            Peer = c.From,
            BusinessNumber = c.To,
            RemoteSdp = c.Sdp,
            BizOpaqueCallbackData = c.BizOpaqueCallbackData ?? s.State.BizOpaqueCallbackData,
        };
        var age = c.Timestamp == DateTimeOffset.UnixEpoch ? TimeSpan.Zero : s.Now - c.Timestamp;
        if (age > policy.AcceptWindow)
        {
            // A connect this old is a late retry or a replay: the caller has long been told "not answered".
            return s.End(CallEndReason.Missed, state, $"connect is {age.TotalSeconds:0} s old");
        }

        if (!policy.AdmitNewCalls)
        {
            return s.Move(CallStatus.Terminating, state with { EndReason = CallEndReason.GatewayShutdown, LastError = "the gateway is shutting down" },
                "not admitted: shutting down", new SendSignal(SignalAction.Reject));
        }

        if (!string.Equals(c.SdpType, "offer", StringComparison.OrdinalIgnoreCase))
        {
            return s.Move(CallStatus.Terminating, state with { EndReason = CallEndReason.Failed, LastError = "inbound connect without an SDP offer" },
                "no SDP offer", new SendSignal(SignalAction.Reject));
        }

        var due = policy.AcceptWindow - (age > TimeSpan.Zero ? age : TimeSpan.Zero);
        return s.Move(CallStatus.Ringing, state with { RingingAt = s.Now }, null,
            new StartTimer(CallTimer.Answer, due), new PublishNotification(CallNotifications.Ringing), new CreateMediaAnswer(c.Sdp));
    }

    private static CallTransitionResult OnTerminating(Step s) => s.Event switch
    {
        SignalingSucceeded { Action: SignalAction.Reject or SignalAction.Terminate } => s.End(s.State.EndReason ?? CallEndReason.HungUpByBusiness, s.State, null),
        SignalingFailed { Action: SignalAction.Reject or SignalAction.Terminate } f =>
            s.End(s.State.EndReason ?? CallEndReason.Failed, s.State with { LastError = f.Error, LastErrorCode = f.MetaErrorCode }, f.Error),
        TerminateReceived t => s.End(s.State.EndReason ?? ReasonFromTerminate(s.State, t), ApplyTerminate(s.State, t), DetailOf(t)),
        _ => s.Refuse($"call is ending: {s.Event.Name} ignored"),
    };

    private static CallTransitionResult OnTerminated(Step s)
    {
        if (s.Event is TerminateReceived t)
        {
            // A duplicate or late terminate may carry details we lack (duration); it never changes the outcome.
            var filled = ApplyTerminate(s.State, t);
            return filled == s.State ? s.Refuse("call already terminated") : s.Update(filled);
        }

        return s.Refuse($"call already terminated: {s.Event.Name} ignored");
    }

    /// <summary>Ends the call from our side: ask Meta, close media, stop the timer.</summary>
    private static CallTransitionResult EndThroughMeta(Step s, CallEndReason reason, SignalAction action, string? detail)
    {
        var state = s.State with { EndReason = reason, LastError = detail ?? s.State.LastError };
        if (state.MetaCallId is null)
        {
            return s.End(reason, state, detail, new CloseMedia());
        }

        return s.Move(CallStatus.Terminating, state, detail, new CancelTimer(), new CloseMedia(), new SendSignal(action));
    }

    private const string MediaGone = "the peer closed the media path and no terminate webhook followed";

    private static CallEndReason ReasonFromTerminate(CallState state, TerminateReceived t)
    {
        if (string.Equals(t.MetaStatus, "FAILED", StringComparison.OrdinalIgnoreCase))
        {
            return CallEndReason.Failed;
        }

        if (state.AcceptedAt is not null || t.StartTime is not null)
        {
            return CallEndReason.Completed;
        }

        return state.Direction == CallDirection.Inbound ? CallEndReason.Cancelled : CallEndReason.NotAnswered;
    }

    /// <summary>Copies a terminate webhook's details into the state, filling what is still unknown.</summary>
    private static CallState ApplyTerminate(CallState state, TerminateReceived t) => state with
    {
        MetaCallId = state.MetaCallId ?? t.MetaCallId,
        MetaTerminateStatus = state.MetaTerminateStatus ?? t.MetaStatus,
        // Meta's talk time wins over our own measurement, but a retry reporting 0 never erases a real duration.
        DurationSeconds = t.DurationSeconds is > 0 ? t.DurationSeconds : state.DurationSeconds ?? t.DurationSeconds,
        LastErrorCode = state.LastErrorCode ?? t.ErrorCode,
        LastError = state.LastError ?? t.ErrorMessage,
    };

    private static string? DetailOf(TerminateReceived t) =>
        t.ErrorMessage is null ? t.MetaStatus : $"{t.MetaStatus}: {t.ErrorCode} {t.ErrorMessage}";
}
