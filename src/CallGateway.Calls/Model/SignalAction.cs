namespace CallGateway.Calls.Model;

/// <summary>Call-control actions sent to Meta (the Graph API's <c>action</c>).</summary>
public enum SignalAction
{
    Connect,
    PreAccept,
    Accept,
    Reject,
    Terminate,
}
