using CallGateway.Calls.Commands;
using CallGateway.Calls.Model;

namespace CallGateway.Calls;

/// <summary>The outcome of applying one event to one call.</summary>
/// <param name="State">The call after the event (the same instance when nothing changed).</param>
/// <param name="Commands">What the actor must do now, in order.</param>
/// <param name="Transition">The history entry when the status changed, else null.</param>
/// <param name="RefusedReason">Why the event was not applied (duplicate, late, not allowed in this status).</param>
public sealed record CallTransitionResult(
    CallState State,
    IReadOnlyList<CallCommand> Commands,
    CallTransition? Transition,
    string? RefusedReason)
{
    public bool Refused => RefusedReason is not null;
}
