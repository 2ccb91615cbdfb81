using System.Diagnostics;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;

namespace CallGateway.Observability;

/// <summary>
/// A span per call-control action sent to Meta (<c>call Connect</c>, <c>call PreAccept</c>, <c>call Accept</c>,
/// <c>call Reject</c>, <c>call Terminate</c>), tagged with our call id and Meta's; the Graph HTTP attempts (retries
/// included) nest under it. Wraps the real <see cref="ICallSignaling"/>.
/// </summary>
public sealed class TracedCallSignaling(ICallSignaling inner) : ICallSignaling
{
    public async Task<SignalingResult> SendAsync(CallState call, SignalAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var activity = GatewayActivities.Source.StartActivity(GatewayActivities.CallActionPrefix + action, ActivityKind.Internal);
        if (activity is null)
        {
            return await inner.SendAsync(call, action, cancellationToken).ConfigureAwait(false);
        }

        activity.SetTag(GatewayActivities.CallIdTag, call.Id);
        activity.SetTag(GatewayActivities.MetaCallIdTag, call.MetaCallId);
        activity.SetTag(GatewayActivities.DirectionTag, GatewayMetrics.DirectionValue(call.Direction));
        activity.SetTag(GatewayActivities.ActionTag, action.ToString());
        try
        {
            var result = await inner.SendAsync(call, action, cancellationToken).ConfigureAwait(false);
            activity.SetTag(GatewayActivities.ResultTag, result switch
            {
                { Succeeded: true } => "ok",
                { Deferred: true } => "deferred",
                _ => "failed",
            });
            if (result.MetaCallId is { } wacid)
            {
                activity.SetTag(GatewayActivities.MetaCallIdTag, wacid);
            }

            if (!result.Succeeded && !result.Deferred)
            {
                activity.SetTag(GatewayActivities.MetaErrorCodeTag, result.MetaErrorCode);
                activity.SetStatus(ActivityStatusCode.Error, result.Error);
            }

            return result;
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
