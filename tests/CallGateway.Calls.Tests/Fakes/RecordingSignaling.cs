using System.Collections.Concurrent;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;

namespace CallGateway.Calls.Tests.Fakes;

/// <summary>Records every action sent to "Meta" and answers as configured.</summary>
internal sealed class RecordingSignaling : ICallSignaling
{
    public ConcurrentQueue<(SignalAction Action, string? Sdp, string? MetaCallId)> Sent { get; } = new();

    public Func<SignalAction, SignalingResult> Respond { get; set; } =
        action => action == SignalAction.Connect ? SignalingResult.Ok("wacid.OUT") : SignalingResult.Ok();

    public Task<SignalingResult> SendAsync(CallState call, SignalAction action, CancellationToken cancellationToken)
    {
        Sent.Enqueue((action, call.LocalSdp, call.MetaCallId));
        return Task.FromResult(Respond(action));
    }

    public SignalAction[] Actions => Sent.Select(s => s.Action).ToArray();
}
