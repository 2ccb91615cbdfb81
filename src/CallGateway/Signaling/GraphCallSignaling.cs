using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Meta.Graph;

namespace CallGateway.Signaling;

/// <summary>Sends a call's actions to Meta through the Graph API client and turns Meta's refusals into results.</summary>
public sealed class GraphCallSignaling(IMetaGraphClient graph) : ICallSignaling
{
    public async Task<SignalingResult> SendAsync(CallState call, SignalAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
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
        catch (MetaGraphException ex)
        {
            return SignalingResult.Fail(ex.Message, ex.MetaCode, ex.MayHaveReachedMeta);
        }
    }

    private static string Required(string? value, string what) =>
        value ?? throw new InvalidOperationException($"Cannot signal Meta: the call has no {what}.");
}
