namespace CallGateway.Calls.Model;

/// <summary>
/// Where a call is. Inbound: Ringing (offer received) -> PreAccepted -> Accepted -> Connected -> Terminated.
/// Outbound: Dialing (connect sent) -> Ringing (RINGING) -> Accepted (ACCEPTED) -> Connected -> Terminated.
/// Terminating means we asked Meta to end the call and wait for the answer.
/// </summary>
public enum CallStatus
{
    New,
    Dialing,
    Ringing,
    PreAccepted,
    Accepted,
    Connected,
    Terminating,
    Terminated,
}
