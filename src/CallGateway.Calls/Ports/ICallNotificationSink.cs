using CallGateway.Calls.Model;

namespace CallGateway.Calls.Ports;

/// <summary>Receives notifications for internal systems. Must not block: called from the call's actor.</summary>
public interface ICallNotificationSink
{
    void Publish(CallNotification notification);
}

/// <summary>Something that happened to a call, e.g. <c>call.connected</c>, with the call as it was then.</summary>
public sealed record CallNotification(string Type, CallState Call, DateTimeOffset At, IReadOnlyDictionary<string, string>? Data = null);
