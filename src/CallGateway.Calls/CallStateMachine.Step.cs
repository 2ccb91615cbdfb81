using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;

namespace CallGateway.Calls;

public static partial class CallStateMachine
{
    /// <summary>One event applied to one state: builds the result and the history entry.</summary>
    private readonly record struct Step(CallState State, CallEvent Event, DateTimeOffset Now)
    {
        public CallTransitionResult Move(CallStatus to, CallState state, string? detail, params CallCommand[] commands)
        {
            if (to == State.Status)
            {
                return Update(state, commands);
            }

            var transition = new CallTransition(State.TransitionCount + 1, Now, State.Status, to, Event.Name, detail);
            var next = state with { Status = to, UpdatedAt = Now, TransitionCount = transition.Sequence };
            return new CallTransitionResult(next, commands, transition, null);
        }

        public CallTransitionResult Update(CallState state, params CallCommand[] commands) =>
            state == State && commands.Length == 0
                ? Refuse($"{Event.Name} changes nothing")
                : new CallTransitionResult(state == State ? State : state with { UpdatedAt = Now }, commands, null, null);

        public CallTransitionResult Refuse(string reason) => new(State, [], null, reason);

        /// <summary>Terminal move: records the reason and talk time, stops everything, tells internal systems.</summary>
        public CallTransitionResult End(CallEndReason reason, CallState state, string? detail, params CallCommand[] commands)
        {
            var talkTime = state.DurationSeconds
                ?? (state.AcceptedAt is { } accepted ? (long)Math.Max(0, (Now - accepted).TotalSeconds) : null);
            var ended = state with { EndReason = reason, EndedAt = Now, DurationSeconds = talkTime };
            CallCommand[] all = [.. commands, new CancelTimer(), new CloseMedia(), new PublishNotification(CallNotifications.Terminated)];
            return Move(CallStatus.Terminated, ended, detail ?? reason.ToString(), all);
        }
    }
}
