namespace CallGateway.Calls.Ports;

/// <summary>Drops notifications; used where nobody listens.</summary>
public sealed class NullNotificationSink : ICallNotificationSink
{
    public static NullNotificationSink Instance { get; } = new();

    public void Publish(CallNotification notification)
    {
    }
}
