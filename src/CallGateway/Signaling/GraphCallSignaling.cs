using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Meta.Graph;
using CallGateway.Persistence.Signaling;

namespace CallGateway.Signaling;

/// <summary>
/// Sends a call's actions to Meta through the Graph API client (which retries idempotent actions briefly) and turns
/// Meta's refusals into results. When an idempotent action still fails transiently (Meta or the network is down),
/// it goes to the durable outbox and the call is told to wait: the outbox keeps trying and reports back.
/// </summary>
public sealed class GraphCallSignaling(IMetaGraphClient graph, ISignalOutbox outbox, TimeProvider time) : ICallSignaling
{
    /// <summary>How long the outbox keeps trying: a call left open costs the business; an accept is useless after the window.</summary>
    public static TimeSpan DeadlineFor(SignalAction action) =>
        action is SignalAction.Terminate or SignalAction.Reject ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(60);

    public async Task<SignalingResult> SendAsync(CallState call, SignalAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = await SendOnceAsync(call, action, cancellationToken).ConfigureAwait(false);
        if (result is { Succeeded: false, Deferred: true })
        {
            var now = time.GetUtcNow();
            await outbox.EnqueueAsync(call.Id, action.ToString(), now + SignalOutboxWorker.Backoff(1), now + DeadlineFor(action), result.Error ?? "", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>One resilient send; a transient failure of an idempotent action comes back as Deferred (not queued).</summary>
    public async Task<SignalingResult> SendOnceAsync(CallState call, SignalAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var context = GraphCallContext.Begin(call.Id);
        try
        {
            switch (action)
            {
                case SignalAction.Connect:
                    var wacid = await graph.ConnectAsync(Required(call.Peer, "peer"), Required(call.LocalSdp, "local SDP"), call.BizOpaqueCallbackData, cancellationToken).ConfigureAwait(false);
                    return SignalingResult.Ok(wacid);
                case SignalAction.PreAccept:
                    await graph.PreAcceptAsync(Required(call.MetaCallId, "wacid"), Required(call.LocalSdp, "local SDP"), cancellationToken).ConfigureAwait(false);
                    break;
                case SignalAction.Accept:
                    await graph.AcceptAsync(Required(call.MetaCallId, "wacid"), Required(call.LocalSdp, "local SDP"), call.BizOpaqueCallbackData, cancellationToken).ConfigureAwait(false);
                    break;
                case SignalAction.Reject:
                    await graph.RejectAsync(Required(call.MetaCallId, "wacid"), cancellationToken).ConfigureAwait(false);
                    break;
                case SignalAction.Terminate:
                    await graph.TerminateAsync(Required(call.MetaCallId, "wacid"), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }

            return SignalingResult.Ok();
        }
        catch (MetaGraphException ex) when (ex.IsTransient && action != SignalAction.Connect)
        {
            return SignalingResult.Retrying(ex.Message);
        }
        catch (MetaGraphException ex)
        {
            return SignalingResult.Fail(ex.Message, ex.MetaCode, ex.MayHaveReachedMeta);
        }
    }

    private static string Required(string? value, string what) =>
        value ?? throw new InvalidOperationException($"Cannot signal Meta: the call has no {what}.");
}
