namespace CallGateway.Calls;

/// <summary>Names of the notifications published to internal systems.</summary>
public static class CallNotifications
{
    public const string Ringing = "call.ringing";
    public const string Accepted = "call.accepted";
    public const string Connected = "call.connected";
    public const string Terminated = "call.terminated";
    public const string Dtmf = "call.dtmf";
}
