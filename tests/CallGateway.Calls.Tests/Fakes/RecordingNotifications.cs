using System.Collections.Concurrent;
using CallGateway.Calls.Ports;

namespace CallGateway.Calls.Tests.Fakes;

internal sealed class RecordingNotifications : ICallNotificationSink
{
    public ConcurrentQueue<CallNotification> Published { get; } = new();

    public void Publish(CallNotification notification) => Published.Enqueue(notification);
}
