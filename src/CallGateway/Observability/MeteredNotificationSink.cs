using CallGateway.Calls;
using CallGateway.Calls.Ports;

namespace CallGateway.Observability;

/// <summary>
/// Sees every call notification on its way to the event bus: call.connected gives the setup time (from the call's
/// creation, i.e. the connect webhook or POST /api/calls, to Connected), call.terminated the end reason. Cheap and
/// non-blocking, as a sink must be.
/// </summary>
public sealed class MeteredNotificationSink(ICallNotificationSink inner, GatewayMetrics metrics) : ICallNotificationSink
{
    public void Publish(CallNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var call = notification.Call;
        switch (notification.Type)
        {
            case CallNotifications.Connected:
                metrics.CallConnected(call.Direction, (call.ConnectedAt ?? notification.At) - call.CreatedAt);
                break;
            case CallNotifications.Terminated:
                metrics.CallEnded(call.Direction, call.EndReason);
                break;
        }

        inner.Publish(notification);
    }
}
